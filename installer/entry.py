"""Entry script frozen by PyInstaller: the same `duty-console` command as the pip install."""
from console.cli import main

raise SystemExit(main())
