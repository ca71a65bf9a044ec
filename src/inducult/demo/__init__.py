"""The Karlovy Vary demo region: real organisations from the project's sources, plus labelled samples.

This app holds the demo's data and the order it is loaded in; each app writes its own records with
its ``demo.py``, from record types it defines. Data files live in ``data/``; ``records`` reads them,
``strategy_records`` holds the strategy "Living Industrial Culture" (vision, goals, milestones,
standing targets, the engagements it reports), the other ``*_records`` modules and ``sample_history``
the rest; ``loader`` runs the apps' loaders in order. Run it with ``manage.py load_demo``.
"""
