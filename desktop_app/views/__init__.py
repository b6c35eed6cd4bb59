"""Views: QWidgets that paint, bind to a view-model and forward the member's intent."""
