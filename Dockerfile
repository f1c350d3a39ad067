FROM python:3.11-slim
# Pango and a Chinese font for the PDF due-diligence reports (WeasyPrint).
RUN apt-get update && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY cli cli
COPY config config
COPY domain domain
COPY graph graph
COPY ingest ingest
COPY search search
COPY search_api search_api
COPY services services
COPY stores stores
COPY usecases usecases
RUN pip install --no-cache-dir . && useradd --system ipgraph && mkdir -p /var/lib/ipgraph \
    && chown ipgraph /var/lib/ipgraph
USER ipgraph
EXPOSE 8000
CMD ["ipgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
