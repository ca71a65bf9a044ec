"""The archive's format, pure Python: a gzip'd tar of ``manifest.json``, ``database.json``, ``secret_key``
and ``media/…``, the manifest naming each member with its size and SHA-256.

Reading is where a damaged or hostile archive must be caught before anything is touched, so every
member is checked: a name the format knows, a regular file, inside the archive's own tree, listed in
the manifest with the size and checksum it has.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

FORMAT = "inducult-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.json"
SECRET_KEY = "secret_key"  # noqa: S105 (the member's name, not a key)
MEDIA = "media"
_CHUNK = 1 << 20


class ArchiveError(Exception):
    """An archive that must not be restored, with the reason in words an operator can act on."""


@dataclass(frozen=True)
class Member:
    """One file to put into an archive: its name there and where its bytes are now."""

    name: str
    source: Path


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_name(name: str) -> str:
    """A member name the format allows: one of the fixed files, or a relative path under ``media/``
    with no way out of it."""
    path = PurePosixPath(name)
    if name in (DATABASE, SECRET_KEY, MANIFEST):
        return name
    if path.is_absolute() or ".." in path.parts or "\\" in name or path.parts[:1] != (MEDIA,) or len(path.parts) < 2:
        raise ArchiveError(f"The archive holds a file this format does not know: {name!r}.")
    return name


def write(target: Path, members: Iterable[Member], about: dict) -> dict:
    """Write the archive to ``target`` (through a temporary name, so a failed run leaves no half
    archive under the real one) and return its manifest."""
    members = sorted(members, key=lambda member: member.name)
    files = {}
    for member in members:
        check_name(member.name)
        files[member.name] = {"size": member.source.stat().st_size, "sha256": checksum(member.source)}
    manifest = {"format": FORMAT, "version": VERSION, **about, "files": files}
    partial = target.with_name(target.name + ".partial")
    try:
        # People's data and the secret key are inside: only the archive's owner may read it.
        partial.unlink(missing_ok=True)
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            encoded = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(encoded)
            archive.addfile(info, io.BytesIO(encoded))
            for member in members:
                info = archive.gettarinfo(str(member.source), arcname=member.name)
                info.uid = info.gid = 0
                info.uname = info.gname = ""
                with member.source.open("rb") as stream:
                    archive.addfile(info, stream)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest


def read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        stream = archive.extractfile(MANIFEST)
    except KeyError:
        raise ArchiveError("This is not a platform backup: it has no manifest.json.") from None
    if stream is None:
        raise ArchiveError("This is not a platform backup: its manifest.json is not a file.")
    try:
        manifest = json.loads(stream.read())
    except ValueError:
        raise ArchiveError("The backup's manifest.json is not valid JSON.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveError("This is not a platform backup: its manifest names another format.")
    if manifest.get("version") != VERSION:
        raise ArchiveError(
            f"This backup is of format version {manifest.get('version')!r}; this platform reads version {VERSION}."
        )
    if not isinstance(manifest.get("files"), dict) or DATABASE not in manifest["files"]:
        raise ArchiveError("The backup's manifest lists no database.")
    return manifest


def open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except FileNotFoundError:
        raise ArchiveError(f"There is no backup at {path}.") from None
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveError(f"{path} is not a readable backup archive ({error}).") from None


def extract(path: Path, into: Path) -> dict:
    """Check the whole archive against its manifest and unpack it into the directory ``into``;
    the manifest. Nothing outside ``into`` is written, whatever the archive says."""
    with open_archive(path) as archive:
        manifest = read_manifest(archive)
        listed = manifest["files"]
        seen = set()
        try:
            entries = archive.getmembers()
        except (tarfile.TarError, OSError, EOFError) as error:
            raise ArchiveError(f"The backup archive is damaged ({error}).") from None
        for entry in entries:
            if entry.name == MANIFEST:
                continue
            name = check_name(entry.name)
            if not entry.isfile():
                raise ArchiveError(f"The backup's {name!r} is not a regular file.")
            if name not in listed:
                raise ArchiveError(f"The backup holds {name!r}, which its manifest does not list.")
            if name in seen:
                raise ArchiveError(f"The backup holds {name!r} twice.")
            seen.add(name)
            destination = into.joinpath(*PurePosixPath(name).parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            try:
                source = archive.extractfile(entry)
                with destination.open("wb") as out:
                    while chunk := source.read(_CHUNK):
                        out.write(chunk)
            except (tarfile.TarError, OSError, EOFError) as error:
                raise ArchiveError(f"The backup archive is damaged at {name!r} ({error}).") from None
            expected = listed[name]
            if destination.stat().st_size != expected.get("size") or checksum(destination) != expected.get("sha256"):
                raise ArchiveError(f"The backup's {name!r} does not match its checksum: the archive is damaged.")
        missing = sorted(set(listed) - seen)
        if missing:
            raise ArchiveError(f"The backup lacks files its manifest lists: {', '.join(missing[:5])}.")
    return manifest


def media_members(root: Path) -> Iterator[Member]:
    """Every regular file under the media directory, as archive members."""
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield Member(f"{MEDIA}/{path.relative_to(root).as_posix()}", path)
