"""Real-size check of the tour planner (issue #7, point 6): plans over all demo sites from each
starting point of the demo region, for each day of a July week and a November week, every plan
re-checked for feasibility; prints a markdown table. It reports; it asserts nothing.

    INDUCULT_VAR_DIR=/tmp/inducult-tours .venv/bin/python bench/run_tours_real.py   # loads the demo if missing

Wishes: 9:00–17:30 by car, no interests (all sectors equal), the default search time
(INDUCULT_TOUR_SEARCH_MS), travel times estimated (no routing server).
"""

from __future__ import annotations

import datetime
import io
import sys
import time

import benchenv


def main() -> None:
    benchenv.setup()
    from django.conf import settings
    from django.core.management import call_command

    from inducult.regions.models import Region
    from inducult.tours.domain.day_plan import DayPlanError, Wishes, plan_day
    from inducult.tours.models import TourStart
    from inducult.tours.presentation import clock
    from inducult.tours.services.routing import travel_matrix
    from inducult.tours.services.sites import site_options

    if not Region.objects.filter(slug="karlovy-vary").exists():
        call_command("load_demo", stdout=io.StringIO())
    region = Region.objects.get(slug="karlovy-vary")
    year = datetime.date.today().year + 1
    weeks = {
        "July": [datetime.date(year, 7, 6) + datetime.timedelta(days=n) for n in range(7)],
        "November": [datetime.date(year, 11, 2) + datetime.timedelta(days=n) for n in range(7)],
    }
    print(f"| start | week ({year}) | day | sites open that day | planned | visits | back at | seconds | feasible |")
    print("| --- | --- | --- | ---: | ---: | --- | --- | ---: | --- |")
    for start in TourStart.objects.filter(region=region):
        for week, days in weeks.items():
            for day in days:
                options = site_options(region, day)
                wishes = Wishes(start_name=start.name, start_point=start.point, day_start=9 * 60, day_end=17 * 60 + 30)

                def travel(points):
                    matrix = travel_matrix(points, "car")
                    return matrix.minutes, matrix.source, matrix.problem

                open_today = sum(1 for o in options if o.state == "open")
                began = time.perf_counter()
                try:
                    # plan_day re-checks the plan with the independent checker and raises if it fails.
                    plan = plan_day(options, wishes, travel, time_limit=settings.INDUCULT_TOUR_SEARCH_MS / 1000)
                except DayPlanError as error:
                    seconds = time.perf_counter() - began
                    row = f"| {start.name} | {week} | {day:%a %d %b} | {open_today} | – | – | – | {seconds:.2f}"
                    print(f"{row} | NO: {error} |")
                    continue
                seconds = time.perf_counter() - began
                visits = ", ".join(s.name.split(" (")[0][:28] for s in plan.stops) or "—"
                print(
                    f"| {start.name} | {week} | {day:%a %d %b} | {open_today} | {len(plan.stops)} | {visits} | "
                    f"{clock(plan.back_at)} | {seconds:.2f} | yes |"
                )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
