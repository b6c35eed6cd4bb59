"""The remote store: ``HttpStore``, the ``Store`` protocol spoken over HTTP to the member
server (``desktop_app.server``). httpx is imported only when a remote store is opened."""
