"""Bytes in and out: decoding inputs, writing outputs atomically.

A low layer (it imports only :mod:`convert.errors`), shared by the readers,
the exporters' callers, :mod:`convert.api` and :mod:`convert.batch`.

Writing
    :func:`atomic_write` and :func:`atomic_write_all` write through a
    temporary file beside the target and a rename, so a reader of the target
    never sees half a document, and a failed write leaves nothing behind: no
    temporary file, no folder it created. Every operating-system failure
    (read-only file system, disk full, a file where a folder should be, a
    name too long, permission denied) becomes an
    :class:`~convert.errors.OutputError` naming the output and the cause.

Reading
    :func:`decode_text` finds the encoding of plain text: a BOM, UTF-8,
    UTF-16 without BOM, then the legacy code pages charset-normalizer tells
    apart. A UTF-8 file with a few lines in a legacy code page (a paragraph
    pasted from an old document) keeps its UTF-8 lines as they are and has
    the odd lines decoded on their own, with a warning naming the lines.
    :func:`decode_data_uri` unpacks the payload of a ``data:`` URI (an
    embedded image) for the exporters and :mod:`convert.fetch`.

The user's cache folder and what is kept in it are :mod:`convert.cache`.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes

from ._regex import compiled, lazy
from .errors import InputError, OutputError

# --------------------------------------------------------------------------
# Writing

#: What to do about each cause, in the words of a hint.
_HINTS = {
    errno.EROFS: "choose another output folder with -o",
    errno.EACCES: "choose an output folder you can write to with -o",
    errno.EPERM: "choose an output folder you can write to with -o",
    errno.ENOSPC: "free some space, or choose an output folder on another disk",
    errno.EDQUOT: "free some space, or choose an output folder on another disk",
    errno.ENAMETOOLONG: "choose a shorter output name or folder",
}


def _cause(exc: OSError) -> str:
    """``[Errno 28] No space left on device`` -> ``no space left on device``."""
    text = exc.strerror or (os.strerror(exc.errno) if exc.errno else str(exc))
    return text[:1].lower() + text[1:]


def output_error(path: Path, exc: OSError, doing: str = "cannot write") -> OutputError:
    """One :class:`OutputError` for an operating-system failure while writing ``path``."""
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        blocker = _file_in_the_way(path)
        if blocker is not None:
            return OutputError(
                f"{blocker} is a file, not a folder",
                hint="choose another output folder with -o",
                path=str(path),
            )
    return OutputError(f"{doing}: {_cause(exc)}", hint=_HINTS.get(exc.errno or 0), path=str(path))


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest existing ancestor of ``path`` when it is not a folder."""
    for parent in path.parents:
        try:
            st = parent.stat()
        except OSError:
            continue
        return None if stat.S_ISDIR(st.st_mode) else parent
    return None


def _make_folders(folder: Path, made: list[Path]) -> None:
    """``mkdir -p folder``, noting each folder made (to remove them again after a failure)."""
    missing = []
    for parent in (folder, *folder.parents):
        if parent.is_dir():
            break
        missing.append(parent)
    for parent in reversed(missing):
        try:
            parent.mkdir()
        except FileExistsError:
            if not parent.is_dir():
                raise
            continue
        made.append(parent)


def _remove_folders(made: list[Path]) -> None:
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if still empty
    made.clear()


def _in_place(path: Path) -> bool:
    """True for an existing device, pipe or socket: written into, never replaced (``-o /dev/stdout``)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Raises :class:`OutputError` (one line, naming ``path`` and the cause)
    when it cannot; nothing is left behind then.
    """
    atomic_write_all([(Path(path), data)])


def atomic_write_all(items: Iterable[tuple[Path, bytes]]) -> None:
    """Write several files as one: every temporary file first, then the renames.

    A failure while writing (disk full, read-only folder ...) leaves none
    of the targets changed and no temporary file or new folder behind.
    """
    pending: list[tuple[Path, str | None]] = []
    made: list[Path] = []
    unsynced: list[tuple[Path, int]] = []  # written, open, not yet on disk
    try:
        for path, data in items:
            path = Path(path)
            if path.is_dir():
                raise OutputError("is a folder, not a file", path=str(path))
            if _in_place(path):
                pending.append((path, None))
                _write_in_place(path, data)
                continue
            try:
                _make_folders(path.parent, made)
            except OSError as exc:
                raise output_error(path, exc, f"cannot create the folder {path.parent}") from None
            try:
                _check_name_length(path)  # before any rename: a long name must fail while all can be undone
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:200]}.", suffix=".tmp", dir=path.parent)
            except OSError as exc:
                raise output_error(path, exc) from None
            pending.append((path, tmp))
            unsynced.append((path, fd))  # closed in ``finally``, whatever stops the write
            try:
                with os.fdopen(fd, "wb", closefd=False) as fh:
                    fh.write(data)
                os.fchmod(fd, 0o644)
            except OSError as exc:
                raise output_error(path, exc) from None
        _sync_all(unsynced)
        for path, staged in pending:
            if staged is None:
                continue
            try:
                os.replace(staged, path)
            except OSError as exc:
                raise output_error(path, exc) from None
    except BaseException:
        for _path, staged in pending:
            if staged is not None:
                with contextlib.suppress(FileNotFoundError, OSError):
                    os.unlink(staged)
        _remove_folders(made)
        raise
    finally:
        for _path, fd in unsynced:
            with contextlib.suppress(OSError):
                os.close(fd)


def _sync_all(files: list[tuple[Path, int]]) -> None:
    """``fsync`` every written temporary file before any is renamed, all at once.

    On a journalling file system concurrent syncs share one journal commit:
    four outputs of a batch job reach the disk in about the time of one
    (measured on ext4: 49 -> 17 ms of waiting per job), with the same
    guarantee as syncing them one by one.
    """
    if not files:  # every output written in place (a device, a pipe), or none
        return
    if len(files) == 1:
        path, fd = files[0]
        try:
            os.fsync(fd)
        except OSError as exc:
            raise output_error(path, exc) from None
        return
    from concurrent.futures import ThreadPoolExecutor

    def sync(fd: int) -> OSError | None:
        try:
            os.fsync(fd)
        except OSError as exc:
            return exc
        return None

    with ThreadPoolExecutor(max_workers=min(len(files), 8), thread_name_prefix="fsync") as pool:
        failures = list(pool.map(sync, [fd for _path, fd in files]))
    for (path, _fd), failure in zip(files, failures, strict=True):
        if failure is not None:
            raise output_error(path, failure) from None


def _check_name_length(path: Path) -> None:
    try:
        limit = os.pathconf(path.parent, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    if len(os.fsencode(path.name)) > limit:
        raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG), str(path))


def _write_in_place(path: Path, data: bytes) -> None:
    try:
        with path.open("wb") as fh:
            fh.write(data)
            fh.flush()
    except OSError as exc:
        raise output_error(path, exc) from None


# --------------------------------------------------------------------------
# Reading

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),  # before UTF-16: FF FE 00 00 is UTF-32 LE
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: Legacy encodings charset-normalizer may choose from. Limiting it to what
#: articles are actually written in keeps short texts from decoding as EBCDIC.
_LEGACY_CODECS = (
    "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "koi8_u",
    "iso8859_5", "mac_cyrillic", "cp1253", "iso8859_7", "cp1254", "cp1255", "cp1256", "cp1257",
    "mac_roman", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
)  # fmt: skip
#: The usual encodings, each with how much messier than the detector's choice
#: it may read and still win: on short texts the detector's ranking is noise
#: (cp1257 turns "à" into "ą", cp1250 "£" into "Ł"). Cyrillic, Greek and
#: Central European text reads far messier as cp1252 (0.3 to 2.8).
_PREFERRED_CODECS = (("cp1252", 0.15), ("cp1251", 0.02))
#: How much less like a language (charset-normalizer's coherence, 0 to 1) a preferred code page may read
#: than the detector's choice and still win.
_COHERENCE_MARGIN = 0.1
_CONTROLS = compiled(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = compiled(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")  # ESC (1b) occurs in old text
#: A UTF-8 multi-byte sequence: its presence on a line that decodes shows the file is UTF-8.
_UTF8_MULTIBYTE = compiled(rb"[\xc2-\xf4][\x80-\xbf]+")
#: Lines named in a mixed-encoding warning before "and N more".
_LINES_NAMED = 5


def decode_text(data: bytes, warnings: list[str] | None = None) -> str:
    """The text of ``data``, its encoding detected: BOM, UTF-8, UTF-16, then legacy.

    UTF-8 with some lines in a legacy code page is read line by line (see
    :func:`decode_mixed`); ``warnings``, a list, then gets one line naming
    them. Raises :class:`InputError` for empty input, binary data, or bytes
    no encoding reads cleanly.
    """
    if not data.strip():
        raise InputError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return check_text(data[len(bom) :].decode(codec))
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {codec.upper()} text (bad bytes at offset {exc.start + len(bom)})"
                ) from None
    if b"\x00" in data:
        utf16 = utf16_without_bom(data)
        if utf16 is not None:
            return check_text(utf16)
        if data.count(0) > max(8, len(data) // 100):
            raise InputError("not a text file: it holds NUL bytes (binary data?)")
    if len(_CONTROL_BYTES.findall(data[:65536])) > max(8, min(len(data), 65536) // 100):
        raise InputError("not a text file: it holds control bytes (binary data?)")
    try:
        return check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    mixed = decode_mixed(data, warnings)
    if mixed is not None:
        return check_text(mixed)
    return check_text(decode_legacy(data))


def decode_mixed(data: bytes, warnings: list[str] | None = None) -> str | None:
    """UTF-8 text with some lines in a legacy code page, each line decoded on its own.

    The file counts as UTF-8 when at least one line holds a valid UTF-8
    multi-byte sequence (legacy text almost never forms one by chance). The
    lines that are not UTF-8 are decoded together, with the code page
    charset-normalizer finds for them. Returns ``None`` when no line shows
    UTF-8: the whole file is then in one legacy code page.
    """
    lines = data.split(b"\n")
    bad: list[int] = []
    utf8_evidence = False
    for number, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
            continue
        utf8_evidence = utf8_evidence or _UTF8_MULTIBYTE.search(line) is not None
    if not utf8_evidence or not bad:
        return None
    # The code page is told from the bytes UTF-8 rejects, with the ASCII around
    # them for context; the line's valid UTF-8 letters would only mislead it.
    try:
        codec = legacy_codec(b"\n".join(_rejected_bytes(lines[n]) for n in bad))
    except InputError:
        # Too few bytes to tell (a pair of curly quotes): windows-1252, the
        # WHATWG Encoding Standard's default for unlabelled Western text.
        codec = "cp1252"
    if _single_byte(codec):
        # Only the bytes that are not UTF-8 take the code page: a UTF-8 quote
        # mark on the same line as a pasted latin-1 word stays a quote mark.
        decoded = [_REJECTED.sub(lambda m: _unescape(m[0], codec), _escaped(lines[n])) for n in bad]
    else:
        decoded = b"\n".join(lines[n] for n in bad).decode(codec, errors="replace").split("\n")
        if len(decoded) != len(bad):  # a multi-byte code page swallowed a newline
            decoded = [lines[n].decode("utf-8", errors="replace") for n in bad]
            codec = "utf-8 with replacement characters"
    odd_lines = dict(zip(bad, decoded, strict=True))
    text = [odd_lines[n] if n in odd_lines else line.decode("utf-8") for n, line in enumerate(lines)]
    if warnings is not None:
        named = ", ".join(str(n + 1) for n in bad[:_LINES_NAMED])
        more = f" and {len(bad) - _LINES_NAMED} more" if len(bad) > _LINES_NAMED else ""
        what = "line" if len(bad) == 1 else "lines"
        warnings.append(f"{what} {named}{more}: not UTF-8, read as {codec}")
    return "\n".join(text)


def _single_byte(codec: str) -> bool:
    """One byte, one character (cp1252, koi8_r ...), unlike gb18030 or shift_jis."""
    try:
        return len(bytes(range(256)).decode(codec, errors="replace")) == 256
    except LookupError:
        return False


#: Bytes UTF-8 rejects, as ``surrogateescape`` shows them (U+DC80 to U+DCFF).
_REJECTED = lazy("[\udc80-\udcff]+")


def _escaped(line: bytes) -> str:
    return line.decode("utf-8", errors="surrogateescape")


def _unescape(run: str, codec: str) -> str:
    return bytes(ord(c) - 0xDC00 for c in run).decode(codec, errors="replace")


def _rejected_bytes(line: bytes) -> bytes:
    """The bytes of ``line`` UTF-8 rejects, and its ASCII; valid UTF-8 letters left out."""
    return bytes(
        ord(c) - 0xDC00 if "\udc80" <= c <= "\udcff" else ord(c)
        for c in _escaped(line)
        if ord(c) < 128 or "\udc80" <= c <= "\udcff"
    )


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM, told by where its NUL bytes fall.

    Latin-script UTF-16 has a NUL in every other byte; which half holds them
    gives the byte order. Anything else returns ``None``.
    """
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 4:
        return None
    half = len(sample) // 2
    even, odd = sample[0::2].count(0) / half, sample[1::2].count(0) / half
    if odd >= 0.1 and even <= 0.02:
        codec = "utf-16-le"
    elif even >= 0.1 and odd <= 0.02:
        codec = "utf-16-be"
    else:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def legacy_codec(data: bytes) -> str:
    """The legacy code page ``data`` is in, by charset-normalizer.

    cp1252 or cp1251 wins when it reads the bytes about as cleanly as the
    detector's choice (the texts then usually agree; where they differ, as
    with ``£``, the common encoding is the likelier one), unless the detector
    finds its text much less like any language than its own choice and the two
    write their letters in different scripts (Hebrew read as Cyrillic). Where both
    readings are Latin, coherence tells little (it is driven by the ASCII letters
    they share): a German ``Ü`` in cp1252 stays ``Ü``.
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio

    results = from_bytes(data, cp_isolation=list(_LEGACY_CODECS))
    best = results.best()
    if best is None:
        raise InputError("cannot tell the text encoding", hint="save the file as UTF-8")
    for codec, margin in _PREFERRED_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        rival = next((m for m in results if codec in m.could_be_from_charset), None)
        if (
            rival is not None
            and rival.coherence < best.coherence - _COHERENCE_MARGIN
            and _other_scripts(str(best)[:65536], text[:65536])
        ):
            continue  # as clean, but letters of no language: Hebrew (cp1255) read as Cyrillic (cp1251)
        if mess_ratio(text[:65536], 1.0) <= best.chaos + margin:
            return codec
    return str(best.encoding)


def _other_scripts(chosen: str, preferred: str) -> bool:
    """Whether ``chosen`` has letters beyond ASCII and none of their scripts is in ``preferred``'s."""

    def scripts(text: str) -> set[str]:
        import unicodedata

        return {unicodedata.name(c, "?").split()[0] for c in set(text) if ord(c) > 127 and c.isalpha()}

    found = scripts(chosen)
    return bool(found) and not found & scripts(preferred)


def decode_legacy(data: bytes) -> str:
    """Decode bytes that are not UTF-8 with the code page :func:`legacy_codec` finds."""
    return data.decode(legacy_codec(data))


def decode_data_uri(uri: str) -> bytes | None:
    """The payload of a ``data:`` URI, or ``None`` when it is malformed."""
    header, sep, payload = uri[5:].partition(",")
    if not sep:
        return None
    try:
        if header.lower().endswith(";base64"):
            return base64.b64decode("".join(unquote(payload).split()), validate=True)
        return unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None


def check_text(text: str) -> str:
    """``text`` without stray control characters; :class:`InputError` if it is binary."""
    if not text.strip():
        raise InputError("empty file")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    cleaned, controls = _CONTROLS.subn("", text)
    if controls > max(8, len(text) // 100):
        raise InputError(f"not a text file: {controls} control characters (binary data?)")
    if not cleaned.strip():
        raise InputError("empty file")
    return cleaned
