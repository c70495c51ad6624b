"""Link: procedures and their documents, secondary sources and the claims they make."""
