"""Annual reports and the strategy export (issue #5, points 6–8): plain modules, no models.

``gather`` reads the facts of a region-year from the database, ``context`` turns them into one
``ReportContext`` (pure), and ``pdf`` and ``docx`` render that same context. ``annual`` ties them
together for the views and the ``annual_report`` command.
"""
