"""Annual reports and the strategy export (issue #5, points 6–8): plain modules, no models.

``services.gather`` reads the facts of a region-year (``domain.facts``) from the database,
``presentation.context`` turns them into one ``ReportContext`` (pure), and ``presentation.pdf`` and
``presentation.docx`` render that same context. ``services.annual`` ties them together for the views
and the ``annual_report`` command; ``services.strategy_export`` renders the strategy the same way.
"""
