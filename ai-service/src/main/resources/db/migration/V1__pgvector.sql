-- RAG embeddings live in pgvector columns. The extension is created by a superuser when the database
-- is provisioned (./platform infra up, or the managed PostgreSQL's extension settings); this makes
-- the dependency explicit and fails the migration early where it is missing.
create extension if not exists vector;
