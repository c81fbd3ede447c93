"""An OIDC provider as tests need it: an RSA key pair, its public PEM, a JWKS; and a provider
serving its discovery document and JWKS over real HTTP."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def private_pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def jwks(key: rsa.RSAPrivateKey, kid: str = "k1") -> str:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return json.dumps({"keys": [jwk | {"kid": kid, "use": "sig"}]})


# -- A provider over real HTTP: OIDC discovery and a JWKS, served from a thread -------------------

REALM = "/realms/socialaid"
DISCOVERY = REALM + "/.well-known/openid-configuration"
CERTS = REALM + "/protocol/openid-connect/certs"
SigningKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def public_jwk(key: SigningKey, kid: str) -> dict[str, object]:
    if isinstance(key, ec.EllipticCurvePrivateKey):
        jwk = json.loads(jwt.algorithms.ECAlgorithm.to_jwk(key.public_key()))
        return jwk | {"kid": kid, "use": "sig", "alg": "ES256"}
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    return jwk | {"kid": kid, "use": "sig", "alg": "RS256"}


def signed(key: SigningKey, kid: str | None, claims: dict[str, object]) -> str:
    """A token the way the provider signs one: `kid` in the header, lifetime five minutes."""
    now = int(time.time())
    body = {"iat": now, "exp": now + 300, **claims}
    algorithm = "ES256" if isinstance(key, ec.EllipticCurvePrivateKey) else "RS256"
    return jwt.encode(body, key, algorithm=algorithm, headers={"kid": kid} if kid else None)


class IdentityProvider:
    """A Keycloak-shaped provider on 127.0.0.1: `issuer`, its discovery document and JWKS.

    It counts the requests per path, can publish other keys (a rotation), answer 503 (`failing`),
    hold its answers until `release()` (`stalled`), and stop (connection refused from then on).
    """

    def __init__(self) -> None:
        self.jwks: dict[str, object] = {"keys": []}
        self.algorithms: list[str] = ["RS256", "ES256"]
        self.issuer_in_document: str | None = None  # None: the true issuer
        self.requests: Counter[str] = Counter()
        self.failing = False
        self.stalled = False
        self._release = threading.Event()
        self._counted = threading.Condition()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                with provider._counted:
                    provider.requests[self.path] += 1
                    provider._counted.notify_all()
                if provider.stalled:
                    provider._release.wait(timeout=30)
                if provider.failing:
                    self._answer(503, {"error": "temporarily unavailable"})
                elif self.path == DISCOVERY:
                    self._answer(200, provider.discovery_document())
                elif self.path == CERTS:
                    self._answer(200, provider.jwks)
                else:
                    self._answer(404, {"error": "not found"})

            def _answer(self, status: int, body: object) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}{REALM}"

    @property
    def jwks_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{CERTS}"

    @property
    def jwks_fetches(self) -> int:
        return self.requests[CERTS]

    def discovery_document(self) -> dict[str, object]:
        return {
            "issuer": self.issuer_in_document or self.issuer,
            "jwks_uri": self.jwks_url,
            "id_token_signing_alg_values_supported": self.algorithms,
        }

    def wait_for_jwks_fetches(self, count: int) -> None:
        """Until the JWKS has been asked for `count` times (answered or not)."""
        with self._counted:
            if not self._counted.wait_for(lambda: self.jwks_fetches >= count, timeout=30):
                raise AssertionError(f"the JWKS was fetched {self.jwks_fetches} times, not {count}")

    def publish(self, *keys: tuple[str, SigningKey]) -> None:
        """From now on the JWKS holds these keys (by kid) and no others."""
        self.jwks = {"keys": [public_jwk(key, kid) for kid, key in keys]}

    def release(self) -> None:
        self.stalled = False
        self._release.set()

    def stop(self) -> None:
        self.release()
        self.server.shutdown()
        self.server.server_close()
