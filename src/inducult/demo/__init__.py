"""The Karlovy Vary demo region: real organisations from the project's sources, plus labelled samples.

Data files live in ``data/``; ``records`` reads them (pure), ``strategy_records`` holds the strategy
"Living Industrial Culture" (vision, goals, milestones, standing targets, the engagements it reports),
``loader`` writes them through the domain functions. Run it with ``manage.py load_demo``.
"""
