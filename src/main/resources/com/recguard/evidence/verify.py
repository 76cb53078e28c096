#!/usr/bin/env python3
"""Verify a recguard evidence pack offline, with the Python standard library only.

    python3 verify.py PACK.zip

Exit 0: every check passed. Exit 1: findings, one per line as "CODE member: detail".
Exit 2: the pack cannot be read at all. The checks are the same as `recguard verify-evidence`
(README.txt in the pack says what they prove and what they do not).
"""
import hashlib
import json
import re
import sys
import zipfile
from datetime import datetime, timezone

MANIFEST = "MANIFEST.sha256"
TRAILER = "# sha256 of the lines above: "
CONVERSATIONS = "conversations/"
KEY_ROOT = "recguard/v1/conversations/"
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$")
GENESIS = "sha256:" + "0" * 64


class Unreadable(Exception):
    """A member that does not read as what it should be."""


def sha256_text(s):
    return "sha256:" + hashlib.sha256(s.encode("utf-8")).hexdigest()


def kept(name):
    return (name == MANIFEST or name.endswith("/archive/manifest.json") or name.endswith("/archive-versions.json")
            or name.endswith("/decision-log.jsonl") or name.endswith("/decision.json")
            or name.endswith("/log-digest.json"))


def no_duplicates(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            raise Unreadable("repeated key " + k)
        seen[k] = v
    return seen


def no_constants(name):
    raise Unreadable("not JSON: " + name)


def tree(data):
    try:
        text = data.decode("utf-8")
        n = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constants)
    except (UnicodeDecodeError, ValueError) as e:
        raise Unreadable("not JSON: " + str(e))
    if not isinstance(n, dict):
        raise Unreadable("not a JSON object")
    return n


def text_of(n, field):
    v = n.get(field)
    if not isinstance(v, str):
        raise Unreadable(field + " is not a string")
    return v


def opt_text(n, field):
    v = n.get(field)
    if v is None:
        return None
    if not isinstance(v, str):
        raise Unreadable(field + " is not a string")
    return v


def integer(n, field):
    v = n.get(field)
    if type(v) is not int or not -2**63 <= v < 2**63:
        raise Unreadable(field + " is not an integer")
    return v


def boolean(n, field):
    v = n.get(field)
    if type(v) is not bool:
        raise Unreadable(field + " is not true or false")
    return v


def time_of(n, field, nullable):
    s = opt_text(n, field) if nullable else text_of(n, field)
    if s is None:
        return None
    if not TIME.match(s):
        raise Unreadable(field + " is not a UTC time like 2033-03-03T00:00:00Z: " + s)
    whole, _, frac = s[:-1].partition(".")
    try:
        t = datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        raise Unreadable(field + " is not a valid time: " + s)
    return (t, int((frac or "0").ljust(9, "0")))  # seconds, then nanoseconds: compares like an instant


def chain_hash(e):
    return sha256_text("%d\n%s\n%s\n%s\n%s\n%s" % (e["seq"], e["inputHash"], e["rulePack"], ",".join(e["firedRules"]),
                                                 e["decision"], e["prevHash"]))


def read_log_line(line):
    n = tree(line.encode("utf-8"))
    fired = n.get("firedRules", [])
    if "firedRules" in n:
        if not isinstance(fired, list):
            raise Unreadable("firedRules is not a list")
        if any(not isinstance(f, str) for f in fired):
            raise Unreadable("firedRules holds a non-string")
    inp = n.get("input")
    if "input" in n and not isinstance(inp, str):
        raise Unreadable("input is not a string")
    return {"seq": integer(n, "seq"), "inputHash": text_of(n, "inputHash"), "rulePack": text_of(n, "rulePack"),
            "firedRules": fired, "input": inp, "decision": text_of(n, "decision"),
            "prevHash": text_of(n, "prevHash"), "hash": text_of(n, "hash")}


def read_version(v):
    if not isinstance(v, dict):
        raise Unreadable("a version is not an object")
    return {"key": text_of(v, "key"), "versionId": opt_text(v, "versionId"), "latest": boolean(v, "latest"),
            "deleteMarker": boolean(v, "deleteMarker"), "size": integer(v, "size"), "lockMode": opt_text(v, "lockMode"),
            "retainUntil": time_of(v, "retainUntil", True), "legalHold": boolean(v, "legalHold"),
            "sha256": opt_text(v, "sha256"), "member": opt_text(v, "member")}


def read_versions(data):
    o = tree(data)
    vs = o.get("versions")
    if not isinstance(vs, list):
        raise Unreadable("versions is not a list")
    versions = [read_version(v) for v in vs]
    text_of(o, "conversationId"), text_of(o, "region"), text_of(o, "bucket"), time_of(o, "readAt", False)
    held = boolean(o, "held")
    text_of(o, "digestRegion"), text_of(o, "digestBucket")
    d = o.get("digest")
    return {"held": held, "versions": versions, "digest": None if d is None else read_version(d)}


def read_manifest(data):
    o = tree(data)
    objects = o.get("objects")
    if not isinstance(objects, list):
        raise Unreadable("objects is not a list")
    entries = []
    for e in objects:
        if not isinstance(e, dict):
            raise Unreadable("an object entry is not an object")
        entries.append({"kind": text_of(e, "kind"), "key": text_of(e, "key"), "size": integer(e, "size"),
                        "sha256": text_of(e, "sha256")})
    lock = o.get("objectLock")
    if not isinstance(lock, dict):
        raise Unreadable("objectLock is not an object")
    return {"objects": entries, "lockedUntil": time_of(lock, "retainUntilDate", True)}


def read_digest(data):
    o = tree(data)
    return {"seq": integer(o, "seq"), "hash": text_of(o, "hash")}


class Verifier:
    def __init__(self):
        self.findings = {}
        self.listed = {}
        self.members = {}
        self.anchors = []

    def add(self, code, member, detail):
        self.findings.setdefault(code + " " + member, (code, member, detail))

    def read(self, path):
        try:
            zf = zipfile.ZipFile(path)
        except (OSError, zipfile.BadZipFile) as e:
            raise SystemExit(self.cannot(path, e))
        with zf:
            infos = zf.infolist()
            if not infos:
                raise SystemExit(self.cannot(path, "no members"))
            for info in infos:
                name = info.filename
                if name in self.members:
                    self.add("DUPLICATE_MEMBER", name, "the pack holds this name more than once")
                h = hashlib.sha256()
                size = 0
                keep = bytearray() if kept(name) else None
                try:
                    with zf.open(info) as f:
                        while True:
                            b = f.read(1 << 16)
                            if not b:
                                break
                            h.update(b)
                            size += len(b)
                            if keep is not None:
                                keep += b
                except (zipfile.BadZipFile, OSError, EOFError, ValueError) as e:
                    self.add("CORRUPT_MEMBER", name, "the zip data of this member is damaged: %s" % e)
                    self.members[name] = ("", -1, None)
                    continue
                self.members[name] = (h.hexdigest(), size, None if keep is None else bytes(keep))
        return len(infos)

    @staticmethod
    def cannot(path, why):
        print("verify.py: %s: not a readable zip: %s" % (path, why), file=sys.stderr)
        return 2

    def bytes_of(self, name):
        m = self.members.get(name)
        if m is None:
            self.add("MISSING_MEMBER", name, "every conversation folder has one")
            return None
        return m[2]

    def parsed(self, name, reader):
        """The member read by reader, or None when it is missing or unreadable (either reported)."""
        b = self.bytes_of(name)
        if b is None:
            return None
        try:
            return reader(b)
        except Unreadable as e:
            self.add("UNREADABLE_MEMBER", name, str(e))
            return None

    def check_manifest(self):
        m = self.members.get(MANIFEST)
        if m is None or m[2] is None:
            self.add("MISSING_MEMBER", MANIFEST, "the pack's list of members and hashes is missing")
            return
        try:
            text = m[2].decode("utf-8")
        except UnicodeDecodeError:
            self.add("MANIFEST_CORRUPT", MANIFEST, "not UTF-8 text")
            return
        cut = text.rfind(TRAILER)
        if cut < 0 or (cut > 0 and text[cut - 1] != "\n"):
            self.add("MANIFEST_CORRUPT", MANIFEST, "its last line (the hash of the lines above) is missing")
        else:
            body = text[:cut]
            claimed = text[cut + len(TRAILER):].strip()
            if claimed != hashlib.sha256(body.encode("utf-8")).hexdigest():
                self.add("MANIFEST_CORRUPT", MANIFEST, "its lines do not hash to its last line: the file was changed")
            text = body
        for i, line in enumerate(text.split("\n")):
            if line == "":
                continue
            if len(line) < 67 or not re.fullmatch(r"[0-9a-f]{64}", line[:64]) or line[64:66] != "  ":
                self.add("MANIFEST_CORRUPT", MANIFEST, "line %d is not '<sha256>  <member>'" % (i + 1))
                continue
            self.listed[line[66:]] = line[:64]
        for name, sha in self.listed.items():
            got = self.members.get(name)
            if got is None:
                self.add("MISSING_MEMBER", name, "listed in MANIFEST.sha256 but not in the pack")
            elif got[1] >= 0 and got[0] != sha:
                self.add("PACK_HASH_MISMATCH", name, "sha256 %s, MANIFEST.sha256 says %s" % (got[0], sha))
        for name in self.members:
            if name != MANIFEST and name not in self.listed:
                self.add("UNLISTED_MEMBER", name, "in the pack but not in MANIFEST.sha256")

    def check_version(self, r, name):
        got = self.members.get(name)
        if got is None:
            self.add("MISSING_MEMBER", name, "archive-versions.json names it")
        elif got[1] >= 0 and ((r["sha256"] is not None and r["sha256"] != got[0]) or r["size"] != got[1]):
            self.add("VERSION_CHECKSUM_MISMATCH", name, "sha256 %s (%d bytes), the archive reported %s (%d bytes) for version %s"
                     % (got[0], got[1], r["sha256"], r["size"], r["versionId"]))
        if r["lockMode"] != "COMPLIANCE":
            self.add("NOT_COMPLIANCE", name, "lock mode was %s, not COMPLIANCE" % r["lockMode"])

    def check_versions(self, v, folder, key_prefix, manifest, digest_name):
        by_key = {}
        for r in v["versions"]:
            by_key.setdefault(r["key"], []).append(r)
        for key in sorted(by_key):
            rs = by_key[key]
            name = folder + "archive/" + key[len(key_prefix):] if key.startswith(key_prefix) else folder + "archive-versions.json"
            if sum(1 for r in rs if not r["deleteMarker"]) > 1:
                self.add("EXTRA_VERSION", name, "the archive holds more than one version of this key")
            if any(r["deleteMarker"] for r in rs):
                self.add("DELETE_MARKER", name, "a delete marker was placed on this key in the archive")
        for r in v["versions"]:
            if r["deleteMarker"] or r["member"] is None:
                continue
            self.check_version(r, r["member"])
            if manifest is not None and manifest["lockedUntil"] is not None and (
                    r["retainUntil"] is None or r["retainUntil"] < manifest["lockedUntil"]):
                self.add("RETENTION_TOO_SHORT", r["member"], "retained until a date before the manifest's lock date")
            if v["held"] and not r["legalHold"]:
                self.add("LEGAL_HOLD_MISSING", r["member"], "the conversation is held but this object had no legal hold")
        if v["digest"] is None:
            self.add("UNREADABLE_MEMBER", folder + "archive-versions.json", "names no digest version")
        else:
            self.check_version(v["digest"], digest_name)

    def read_chain(self, name):
        b = self.bytes_of(name)
        if b is None:
            return None
        try:
            text = b.decode("utf-8")
        except UnicodeDecodeError:
            self.add("UNREADABLE_MEMBER", name, "not UTF-8 text")
            return None
        out = []
        for i, line in enumerate(text.split("\n")):
            if line.strip() == "":
                continue
            try:
                out.append(read_log_line(line))
            except Unreadable as e:
                self.add("UNREADABLE_MEMBER", name, "line %d: %s" % (i + 1, e))
                return None
        return out

    def check_chain(self, chain, name):
        if not chain:
            self.add("CHAIN_BROKEN", name, "no entries")
            return
        for i, e in enumerate(chain):
            if i > 0:
                prev = chain[i - 1]
                if e["seq"] != prev["seq"] + 1 or e["prevHash"] != prev["hash"]:
                    self.add("CHAIN_BROKEN", name, "entry %d does not follow entry %d" % (e["seq"], prev["seq"]))
            if e["hash"] != chain_hash(e):
                self.add("ENTRY_EDITED", name, "entry %d: its content does not match its hash" % e["seq"])
            if e["input"] is not None and e["inputHash"] != sha256_text(e["input"]):
                self.add("INPUT_EDITED", name, "entry %d: its input does not match its input hash" % e["seq"])

    def check_conversation(self, folder):
        seg = folder[len(CONVERSATIONS):-1]
        key_prefix = KEY_ROOT + seg + "/"
        manifest_name = folder + "archive/manifest.json"
        manifest = self.parsed(manifest_name, read_manifest)
        bundle_name = None
        if manifest is not None:
            for o in manifest["objects"]:
                if not o["key"].startswith(key_prefix):
                    self.add("UNREADABLE_MEMBER", manifest_name, "lists %s, which is not under %s" % (o["key"], key_prefix))
                    continue
                name = folder + "archive/" + o["key"][len(key_prefix):]
                if o["kind"] == "bundle":
                    bundle_name = name
                got = self.members.get(name)
                if got is None:
                    self.add("MISSING_MEMBER", name, "the archived manifest lists it")
                elif got[1] >= 0 and (got[0] != o["sha256"] or got[1] != o["size"]):
                    self.add("ARCHIVE_HASH_MISMATCH", name, "sha256 %s (%d bytes), the archived manifest says %s (%d bytes)"
                             % (got[0], got[1], o["sha256"], o["size"]))
        versions_name = folder + "archive-versions.json"
        digest_name = folder + "log-digest.json"
        versions = self.parsed(versions_name, read_versions)
        if versions is not None:
            self.check_versions(versions, folder, key_prefix, manifest, digest_name)
        log_name = folder + "decision-log.jsonl"
        chain = self.read_chain(log_name)
        digest = self.parsed(digest_name, read_digest)
        if chain is not None:
            self.check_chain(chain, log_name)
            if digest is not None:
                last = chain[-1] if chain else None
                if last is None or last["seq"] != digest["seq"] or last["hash"] != digest["hash"]:
                    self.add("CHAIN_NOT_ANCHORED", digest_name, "the digest holds entry %d %s, the chain ends elsewhere"
                             % (digest["seq"], digest["hash"]))
                else:
                    self.anchors.append("%s: chain ends at digest seq %d %s" % (folder, digest["seq"], digest["hash"]))
        decision_name = folder + "decision.json"
        decision = self.bytes_of(decision_name)
        if chain is not None and bundle_name is not None and bundle_name in self.members:
            bundle_hash = "sha256:" + self.members[bundle_name][0]
            made = None
            for e in chain:
                if e["input"] is not None and e["inputHash"] == bundle_hash:
                    made = e
            if made is None:
                self.add("DECISION_INPUT_MISMATCH", bundle_name,
                         "no decision-log entry of this conversation has this bundle as its input")
            elif decision is not None:
                try:
                    same = decision.decode("utf-8") == made["decision"]
                except UnicodeDecodeError:
                    same = False
                if not same:
                    self.add("DECISION_MISMATCH", decision_name, "differs from the decision of log entry %d" % made["seq"])


def folder_of(name, folders):
    if name.startswith(CONVERSATIONS):
        slash = name.find("/", len(CONVERSATIONS))
        if slash > len(CONVERSATIONS):
            folders.add(name[:slash + 1])


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) == 2 else 2
    v = Verifier()
    members = v.read(argv[1])
    v.check_manifest()
    folders = set()
    for n in list(v.members) + list(v.listed):
        folder_of(n, folders)
    for folder in sorted(folders):
        v.check_conversation(folder)
    for code, member, detail in v.findings.values():
        print("%s %s: %s" % (code, member, detail))
    for a in v.anchors:
        print("anchor " + a)
    print("%d member(s), %d conversation(s): %d finding(s)" % (members, len(folders), len(v.findings)))
    return 1 if v.findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
