"""Read an article tree back from its JSON form (``broadsheet inspect --json``)."""

from __future__ import annotations

import json
from typing import ClassVar

from ..base import ReadOptions
from ..errors import InputError
from ..model import Article, ModelError, from_json
from ..normalize import check_meta


class JsonReader:
    name: ClassVar[str] = "json"
    extensions: ClassVar[tuple[str, ...]] = (".json",)
    description: ClassVar[str] = "Broadsheet's article tree as JSON"

    def read(self, data: bytes, options: ReadOptions) -> Article:
        try:
            tree = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 JSON (byte {exc.start})") from None
        except json.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
        except RecursionError:
            raise InputError("JSON nested too deeply") from None
        try:
            article = from_json(tree)
        except ModelError as exc:
            raise InputError(f"not a valid article tree: {exc}") from None
        except RecursionError:
            raise InputError("article tree nested too deeply") from None
        problem = check_meta(article.meta)
        if problem:
            raise InputError(f"not a valid article tree: {problem}")
        return article
