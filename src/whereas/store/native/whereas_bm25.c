/*
 * whereas_bm25: FTS5's BM25, fed with what whereas already knows.
 *
 * FTS5's own bm25() counts, once per statement, the rows that hold each phrase of the query
 * (30-40 ns a row of the phrase's doclist: 8 ms for a word a fifth of a million rows hold),
 * then reads every row's length from the %_docsize table (about 1 us a row). whereas knows
 * both: it counts a phrase's rows once per version of the index and keeps the count, and an
 * entry's rowid holds its length (whereas.search.fts5.entry_id). Given those, this function
 * computes the same score as bm25(search_fts, 1.0, 0.0), operation for operation:
 *
 *   whereas_bm25(search_fts [, frequencies [, band_shift, max_band]])
 *
 * - frequencies: a blob of doubles, one per phrase of the MATCH in order (FTS5 numbers
 *   phrases as they appear in the expression). A value >= 0 is the number of rows holding the
 *   phrase; a negative value is a phrase that weighs nothing (a label, an excluded word); NaN
 *   is counted here, as bm25() does. Phrases beyond the blob weigh nothing. NULL or absent:
 *   every phrase is counted.
 * - band_shift (1-62), max_band: a row whose rowid >> band_shift is below max_band is that
 *   many tokens long; other rows' lengths are read from %_docsize.
 *
 * The phrase data are made on a statement's first row and kept for the statement (FTS5's aux
 * data belong to the function, not to one call): a statement calls it once.
 *
 * Only the first column (terms) counts; the second (labels) weighs 0, as in bm25(.., 1.0, 0.0).
 * Registered on every new connection by sqlite3_auto_extension (whereas.store.native): the
 * stdlib sqlite3 module cannot load extensions, but its library runs auto extensions.
 */
#include <math.h>
#include <string.h>
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

typedef struct {
  int phrases;
  double avgdl;
  double *idf; /* 0 for a phrase that weighs nothing */
} RankData;

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *rows) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)rows)++;
  return SQLITE_OK;
}

/* The statement's data, made on its first row: average length and each phrase's IDF. */
static RankData *rank_data(const Fts5ExtensionApi *api, Fts5Context *fts, int nVal,
                           sqlite3_value **apVal, int *rc) {
  RankData *data = api->xGetAuxdata(fts, 0);
  if (data) return data;
  int phrases = api->xPhraseCount(fts);
  data = sqlite3_malloc64(sizeof(RankData) + sizeof(double) * (sqlite3_uint64)(phrases + 1));
  if (!data) {
    *rc = SQLITE_NOMEM;
    return 0;
  }
  data->phrases = phrases;
  data->idf = (double *)&data[1];
  sqlite3_int64 rows = 0, tokens = 0;
  *rc = api->xRowCount(fts, &rows);
  if (*rc == SQLITE_OK) *rc = api->xColumnTotalSize(fts, -1, &tokens);
  data->avgdl = (double)tokens / (double)rows;
  int blob = nVal > 0 && sqlite3_value_type(apVal[0]) == SQLITE_BLOB;
  const unsigned char *given = blob ? sqlite3_value_blob(apVal[0]) : 0; /* NULL when empty */
  int known = blob ? sqlite3_value_bytes(apVal[0]) / (int)sizeof(double) : 0;
  for (int i = 0; *rc == SQLITE_OK && i < phrases; i++) {
    double hits = !blob ? NAN : -1.0;
    if (i < known) memcpy(&hits, given + (size_t)i * sizeof(double), sizeof(double));
    if (hits < 0) {
      data->idf[i] = 0.0;
      continue;
    }
    if (isnan(hits)) {
      sqlite3_int64 counted = 0;
      *rc = api->xQueryPhrase(fts, i, &counted, count_row);
      hits = (double)counted;
    }
    if (hits > (double)rows) hits = (double)rows; /* a count made before rows were removed */
    double idf = log(((double)rows - hits + 0.5) / (hits + 0.5));
    data->idf[i] = idf <= 0.0 ? 1e-6 : idf; /* as bm25() */
  }
  if (*rc != SQLITE_OK) {
    sqlite3_free(data);
    return 0;
  }
  *rc = api->xSetAuxdata(fts, data, sqlite3_free); /* which frees it when it fails */
  return *rc == SQLITE_OK ? data : 0;
}

static void whereas_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                         int nVal, sqlite3_value **apVal) {
  const double k1 = 1.2, b = 0.75;
  int rc = SQLITE_OK;
  RankData *data = rank_data(api, fts, nVal, apVal, &rc);
  if (!data) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  int size = -1, shift = nVal >= 3 ? sqlite3_value_int(apVal[1]) : 0;
  if (shift > 0 && shift < 63) {
    sqlite3_int64 band = api->xRowid(fts) >> shift;
    if (band >= 0 && band < sqlite3_value_int64(apVal[2])) size = (int)band;
  }
  if (size < 0 && (rc = api->xColumnSize(fts, -1, &size)) != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0.0;
  for (int i = 0; i < data->phrases; i++) {
    if (data->idf[i] == 0.0) continue;
    Fts5PhraseIter iter;
    int column = 0, offset = 0, freq = 0;
    if ((rc = api->xPhraseFirst(fts, i, &iter, &column, &offset)) != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset))
      if (column == 0) freq++;
    if (freq) /* as bm25() computes it, operation for operation */
      score += data->idf[i] * (((double)freq * (k1 + 1.0)) /
                               ((double)freq + k1 * (1 - b + b * (double)size / data->avgdl)));
  }
  sqlite3_result_double(ctx, -1.0 * score);
}

static fts5_api *fts5_api_of(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *stmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

/* The auto extension's entry point: run by SQLite on every connection it opens. */
int whereas_bm25_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  (void)error;
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *api = fts5_api_of(db);
  if (!api || api->iVersion < 2) return SQLITE_OK; /* no FTS5 here: nothing to rank */
  return api->xCreateFunction(api, "whereas_bm25", 0, whereas_bm25, 0);
}
