"""``python -m tidings`` runs the command line (see ``tidings.cli``)."""
from tidings.cli import main

main()
