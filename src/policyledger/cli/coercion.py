"""Command-line values converted without pydantic, for the plain types our commands take.

Typer 0.2x converts every value through a pydantic TypeAdapter: importing pydantic and building
the adapters costs about 0.2 s of CPU on every command, as much as storing a whole report. Our
parameters are plain — text, whole numbers, paths, lists of paths, enumerated choices — so for
those the value is converted here, as click always did. Any other parameter, and any Typer
without this machinery (older or newer), goes through Typer's own conversion unchanged.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Union, get_args, get_origin

Convert = Callable[[Any, Any], Any]  # (value, ctx) -> converted value; raises ValueError


def install() -> None:
    """Route plain parameters of every Typer command through `_converter`; idempotent."""
    try:
        from typer import BadParameter, core
        from typer._coercion import RuntimeParam
        from typer._param_types import coerce_cli_choice
    except ImportError:  # a Typer without pydantic conversion: nothing to do
        return
    original = getattr(core, "build_runtime_param", None)
    if original is None or getattr(original, "plain_types", False):
        return

    class PlainRuntimeParam(RuntimeParam):  # type: ignore[misc, valid-type]
        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value, ctx)  # type: ignore[attr-defined]
            except ValueError as exc:
                raise BadParameter(str(exc), ctx=ctx, param=param) from None

    def build_runtime_param(descriptor: Any) -> Any:
        convert = _converter(descriptor.annotation, descriptor.parameter_info, coerce_cli_choice)
        if convert is None:
            return original(descriptor)
        runtime = PlainRuntimeParam(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
        object.__setattr__(runtime, "convert", convert)  # a frozen dataclass
        return runtime

    build_runtime_param.plain_types = True  # type: ignore[attr-defined]
    core.build_runtime_param = build_runtime_param


def _converter(annotation: Any, info: Any, choose: Callable[..., Any]) -> Convert | None:
    """How to convert a value of `annotation`, or None to leave it to Typer."""
    if getattr(info, "parser", None) is not None or getattr(info, "clamp", False):
        return None
    annotation = _without_none(annotation)
    if get_origin(annotation) is list:
        (item,) = get_args(annotation) or (None,)
        one = _converter(item, info, choose) if item is not None else None
        return None if one is None else (lambda values, ctx: [one(value, ctx) for value in values])
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices, case_sensitive = list(annotation), info.case_sensitive
        return lambda value, ctx: choose(value, choices=choices, case_sensitive=case_sensitive, ctx=ctx)
    if annotation is str:
        return lambda value, _ctx: value if isinstance(value, str) else str(value)
    if annotation is int:
        return _integer(info.min, info.max)
    if annotation is bool:
        return _boolean
    if annotation is Path and _plain_path(info):
        return lambda value, _ctx: value if isinstance(value, Path) else Path(value)
    return None


def _without_none(annotation: Any) -> Any:
    if get_origin(annotation) in (Union, UnionType):
        rest = [arg for arg in get_args(annotation) if arg is not NoneType]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _plain_path(info: Any) -> bool:
    """A path option with no checks asked for (existence, kind, permissions, resolving)."""
    flags = (info.exists, info.writable, info.resolve_path, info.allow_dash, info.path_type)
    return not any(flags) and info.file_okay and info.dir_okay


_BOOLEANS = {word: True for word in ("1", "true", "t", "yes", "y", "on")} | {word: False for word in ("0", "false", "f", "no", "n", "off", "")}


def _boolean(value: Any, _ctx: Any) -> bool:
    if isinstance(value, bool):
        return value
    found = _BOOLEANS.get(str(value).strip().lower())
    if found is None:
        raise ValueError(f"{value!r} is not a valid boolean.")
    return found


def _integer(low: int | None, high: int | None) -> Convert:
    def convert(value: Any, _ctx: Any) -> int:
        try:
            number = value if isinstance(value, int) and not isinstance(value, bool) else int(str(value).strip())
        except ValueError:
            raise ValueError(f"{value!r} is not a valid integer.") from None
        if (low is not None and number < low) or (high is not None and number > high):
            bounds = f"{'' if low is None else f'{low}<='}x{'' if high is None else f'<={high}'}"
            raise ValueError(f"{number} is not in the range {bounds}.")
        return number

    return convert
