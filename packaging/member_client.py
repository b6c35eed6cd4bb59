"""The bundle's entry point: the same ``main()`` as the ``member-client`` console script."""

from desktop_app.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
