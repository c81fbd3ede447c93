"""The permission table (model.conf + policy.csv) as casbin enforcers, one per tenant."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import casbin
from casbin.model import FastModel

from socialaid.access.vocabulary import Action, Resource, Role

HERE = Path(__file__).resolve().parent
MODEL_FILE = HERE / "model.conf"
POLICY_FILE = HERE / "policy.csv"
EVERY_TENANT = "*"
# FastModel indexes p rules by these request positions (obj, act), so an enforce call
# evaluates only the handful of rules for one resource and action.
CACHE_KEY_ORDER = (2, 3)


def tenant_covers(ancestor_path: str, path: str) -> bool:
    """A grant or rule at `ancestor_path` applies at `path`: the same tenant or a descendant."""
    return path == ancestor_path or path.startswith(ancestor_path + "/")


def _domain_matches(request_domain: str, rule_domain: str) -> bool:
    return rule_domain == EVERY_TENANT or tenant_covers(rule_domain, request_domain)


@dataclass(frozen=True)
class Rules:
    """The parsed policy file: p rules (role, domain, resource, action) and g rules."""

    permissions: tuple[tuple[str, str, str, str], ...]
    inheritance: tuple[tuple[str, str, str], ...]

    @classmethod
    def parse(cls, text: str) -> Rules:
        permissions: list[tuple[str, str, str, str]] = []
        inheritance: list[tuple[str, str, str]] = []
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            kind, *values = (part.strip() for part in line.split(","))
            if kind == "p" and len(values) == 4:
                role, domain, resource, action = values
                Role(role), Resource(resource), Action(action)  # unknown names are errors
                permissions.append((role, domain, resource, action))
            elif kind == "g" and len(values) == 3:
                inheritance.append((values[0], values[1], values[2]))
            else:
                raise ValueError(f"policy line {number}: cannot read {raw!r}")
        return cls(tuple(permissions), tuple(inheritance))


@dataclass
class Policy:
    """Per-tenant enforcers built lazily and memoised; `reload` drops them all."""

    model_text: str
    rules: Rules
    _enforcers: dict[str, casbin.FastEnforcer] = field(default_factory=dict)
    _decisions: dict[tuple[str, str, str, str], bool] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_files(cls, model: Path = MODEL_FILE, policy: Path = POLICY_FILE) -> Policy:
        return cls.from_text(model.read_text(encoding="utf-8"), policy.read_text(encoding="utf-8"))

    @classmethod
    def from_text(cls, model_text: str, policy_text: str) -> Policy:
        return cls(model_text=model_text, rules=Rules.parse(policy_text))

    def reload(self, model_text: str, policy_text: str) -> None:
        rules = Rules.parse(policy_text)
        with self._lock:
            self.model_text, self.rules = model_text, rules
            self._enforcers = {}
            self._decisions = {}

    def allows(self, role: str, tenant_path: str, resource: str, action: str) -> bool:
        """May `role`, held at a tenant covering `tenant_path`, do `action` on `resource` there?"""
        key = (role, tenant_path, resource, action)
        decision = self._decisions.get(key)
        if decision is None:
            enforcer = self.enforcer_for(tenant_path)
            decision = bool(enforcer.enforce(role, tenant_path, resource, action))
            self._decisions[key] = decision
        return decision

    def permissions_of(self, role: str, tenant_path: str) -> set[tuple[str, str]]:
        """Every (resource, action) the role may perform at `tenant_path`."""
        pairs = {(resource, action) for _, _, resource, action in self.rules.permissions}
        return {pair for pair in pairs if self.allows(role, tenant_path, *pair)}

    def enforcer_for(self, tenant_path: str) -> casbin.FastEnforcer:
        """The enforcer holding only the rules that apply at this tenant (its own and its ancestors')."""
        enforcer = self._enforcers.get(tenant_path)
        if enforcer is None:
            with self._lock:
                enforcer = self._enforcers.get(tenant_path)
                if enforcer is None:
                    enforcer = self._build(tenant_path)
                    self._enforcers[tenant_path] = enforcer
        return enforcer

    def _build(self, tenant_path: str) -> casbin.FastEnforcer:
        model = FastModel(CACHE_KEY_ORDER)
        model.load_model_from_text(self.model_text)
        enforcer = casbin.FastEnforcer(model, cache_key_order=CACHE_KEY_ORDER)
        enforcer.add_function("tenantCovers", tenant_covers)
        enforcer.add_named_domain_matching_func("g", _domain_matches)
        applicable = [r for r in self.rules.permissions if _domain_matches(tenant_path, r[1])]
        if applicable:
            enforcer.add_policies([list(r) for r in applicable])
        inherited = [g for g in self.rules.inheritance if _domain_matches(tenant_path, g[2])]
        if inherited:
            enforcer.add_grouping_policies([list(g) for g in inherited])
        return enforcer


@cache
def default_policy() -> Policy:
    """The process's policy, from the files shipped in the package."""
    return Policy.from_files()


def reload_default_policy() -> None:
    default_policy().reload(
        MODEL_FILE.read_text(encoding="utf-8"), POLICY_FILE.read_text(encoding="utf-8")
    )
