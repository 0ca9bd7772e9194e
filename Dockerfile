# PeerSupport production image: the ASGI app (HTTP + websockets), also used for the Celery
# worker, Celery beat and the one-shot migrate step (see docker-compose.yml).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# gettext: msgfmt, to compile the reviewed translations (.po) into the .mo files Django reads
# (the .mo files are never committed).
# jemalloc: the servers run on it (deploy/with-jemalloc, the entrypoint), so the memory a crowd
# of sockets used goes back to the system once it has left (peersupport/memory.py).
RUN apt-get update \
    && apt-get install -y --no-install-recommends libjemalloc2 gettext \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Static files are collected into the image and served by whitenoise (compressed, hashed names),
# and the translations compiled.
# The key below exists only for this build step; the real one comes from the environment.
RUN DEBUG=0 SECRET_KEY="collectstatic-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz" \
    python manage.py collectstatic --noinput \
    && DEBUG=0 SECRET_KEY="collectstatic-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz" \
    python manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=tools

RUN useradd --create-home --uid 10001 peersupport
USER peersupport

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "deploy/healthcheck.py"]

ENTRYPOINT ["/app/deploy/with-jemalloc"]

# Uvicorn serves peersupport.asgi:application (Django over HTTP, Channels over websockets).
# --proxy-headers: the client address and scheme come from the nginx proxy in front.
CMD ["sh", "-c", "exec uvicorn peersupport.asgi:application --host 0.0.0.0 --port 8000 --proxy-headers --forwarded-allow-ips='*' --workers ${WEB_CONCURRENCY:-2} --no-server-header"]
