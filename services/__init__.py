"""`ipgraph services`: a real Elasticsearch and Neo4j from Maven Central, run locally without
Docker, for development and CI."""
