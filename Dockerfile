# casebook in a container: the app, its settings and its content, served on port 8501.
#   docker build -t casebook .
#   docker run --rm -p 8501:8501 casebook
# Sub-path, proxy and replica settings go in as STREAMLIT_* variables: docs/DEPLOY.md.
FROM python:3.11-slim

# Safe for every deployment (docs/DEPLOY.md, "Before a link goes public"): no agent API,
# no upload larger than the ingest takes (5 MB; the upload page is off unless
# CASEBOOK_UPLOADS=1), no files served from the working folder. What depends on the
# domain (STREAMLIT_SERVER_ALLOWED_HOSTS and the rest) goes in with `docker run -e`.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_SERVER_ENABLE_AGENT_API=false \
    STREAMLIT_SERVER_MAX_UPLOAD_SIZE=5 \
    STREAMLIT_SERVER_ENABLE_STATIC_SERVING=false

# A user of its own, by number, so that Kubernetes' runAsNonRoot can check it.
RUN useradd --create-home --no-log-init --uid 10001 casebook

WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt

# Code, settings and content baked in (.dockerignore lists what comes in), owned by root:
# the app reads them and cannot change them.
COPY . .

USER 10001
EXPOSE 8501

# No curl in the slim image: Python asks the health endpoint, under the base path if one is set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; base = os.environ.get('STREAMLIT_SERVER_BASE_URL_PATH', '').strip('/'); urllib.request.urlopen('/'.join(filter(None, ['http://127.0.0.1:8501', base, '_stcore/health'])), timeout=4)"]

ENTRYPOINT ["streamlit", "run", "dashboard.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true"]
