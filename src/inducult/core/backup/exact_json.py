"""Django's JSON serialisation, keeping every microsecond.

Django's JSON encoder cuts times to milliseconds (ECMA-262's format), so rows restored from a
``dumpdata`` file differ from the originals in the last three digits of every timestamp. A backup
must give back what it took, and Django's JSON reader already parses full ISO 8601, so only the
writing side needs this.
"""

from __future__ import annotations

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]

NAME = "inducult-exact-json"


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder
