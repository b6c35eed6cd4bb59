"""Kohaku Loan member client (こはくローン会員サービス): a PySide6 MVVM desktop client."""

__version__ = "0.1.0"
