"""Commands added to the ``broadsheet`` group with ``cli.add_command``."""
