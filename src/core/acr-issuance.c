/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Issuance: eligible → build the credential XML → sign → store the credential and its audit
 * entry in one transaction (DESIGN.md, "Issuance"), for one assessment or for a batch.
 *
 * Rules kept here:
 * - Idempotent: one valid credential per learner and module version (the partial UNIQUE
 *   index of table credential is the last word). Issuing again returns the credential there
 *   is; a batch skips such learners, and a DUPLICATE at insert (somebody else issued in the
 *   meantime) counts as skipped too. A batch from the database also skips an assessment
 *   whose credential was revoked: a revocation is not undone by re-running a batch.
 * - The signer's certificate must be valid at the moment of issue, and its identity not
 *   retired.
 * - A batch is one coordinating thread and N signing threads. Only the coordinating thread
 *   touches the store: it reads the candidates, records CSV learners and assessments (one
 *   transaction per 32 records, a savepoint each, so one bad record costs nothing else),
 *   builds the unsigned documents and commits the signed ones in chunks (100 by default, or
 *   every 2 s), each credential with its audit entry and the issuance_batch row's counts in
 *   the same transaction. The signing threads only sign and serialise; they never touch
 *   the store. At most 32 documents (4 per signing thread, if more) are in flight and one
 *   chunk waits for its commit, so memory does not grow with the size of the batch.
 * - Cancelling stops building at once; documents in flight are dropped unsigned or, when
 *   signed already, committed: nothing committed is lost and the counts say what was done.
 *   A batch interrupted by a crash keeps what its chunks committed; running it again skips
 *   those (idempotency) and issues the rest.
 * - A per-record problem (a bad CSV row, an ineligible assessment) is a failure with a
 *   sentence and the batch goes on; a problem of the whole batch (the database, the
 *   certificate, the signing key) stops it with an error. */

#define G_LOG_DOMAIN "acr-issuance"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "acr-assessment.h"
#include "acr-credential-document.h"
#include "acr-credential-private.h"
#include "acr-issuance.h"
#include "acr-learner.h"
#include "acr-module.h"
#include "acr-rubric.h"
#include "acr-rubric-criterion.h"
#include "acr-rubric-level.h"
#include "acr-store-private.h"
#include "acr-validate.h"
#include "acr-xml.h"
#include "acr-xmldsig.h"

#define DEFAULT_CHUNK_SIZE   100
/* A chunk is committed at the latest this long after its first credential was signed. */
#define CHUNK_MAX_AGE_US     (2 * G_USEC_PER_SEC)
/* Documents in flight: enough that the signing threads have work while a chunk is committed
 * (a commit waits for the disk), few enough that memory does not matter. */
#define JOBS_PER_WORKER      4
#define MIN_JOBS_IN_FLIGHT   32
#define DB_PAGE_SIZE         256
#define CSV_ROWS_PER_TXN     32
#define CSV_MAX_RECORD_BYTES (1024 * 1024)

G_DEFINE_QUARK (acr-issuance-error-quark, acr_issuance_error)

/* CSV columns other than the criteria. */
typedef enum
{
  COL_EXTERNAL_ID,
  COL_GIVEN_NAME,
  COL_FAMILY_NAME,
  COL_EMAIL,
  COL_BIRTH_DATE,
  COL_ASSESSED_ON,
  COL_ASSESSOR,
  COL_GRADE,
  COL_EVIDENCE,
  COL_PASSED,
  COL_TOTAL,
  N_COLS
} Column;

static const char * const column_names[N_COLS] = {
  "external_id", "given_name", "family_name", "email", "birth_date", "assessed_on",
  "assessor", "grade", "evidence", "passed", "total",
};

typedef struct
{
  GDataInputStream *in;
  char              delimiter;
  guint             line;       /* lines read so far */
  guint             row;        /* rows so far, as a spreadsheet counts them: a record with
                                 * line breaks in quotes is one row, a blank line is one */
} CsvReader;

typedef struct
{
  guint   row;
  gint64  learner_id;
  gint64  assessment_id;
  char   *message;
} Failure;

/* One credential on its way: built by the coordinator, signed by a worker, committed by the
 * coordinator. */
typedef struct
{
  guint   row;
  gint64  learner_id;
  gint64  assessment_id;
  char   *uuid;
  char   *issued_at;
  char   *valid_until;
  xmlDoc *doc;
  GBytes *document;
  GError *error;
} Job;

typedef struct
{
  guint   row;
  gint64  learner_id;
  gint64  assessment_id;
} Candidate;

struct _AcrIssuanceBatch
{
  GObject                  parent_instance;

  AcrStore                *store;
  AcrSigningIdentity      *identity;
  gint64                   module_id;
  char                    *revocation_list_url;
  guint                    chunk_size;
  guint                    n_workers;
  AcrIssuanceProgressFunc  progress_func;
  gpointer                 progress_data;
  GDestroyNotify           progress_destroy;

  /* CSV source: the file, its layout, the module's rubric (NULL: none). */
  char                    *csv_path;
  char                     delimiter;
  int                      columns[N_COLS];   /* field index, -1 = absent */
  int                     *criteria;          /* field index of crit1 … critN */
  guint                    n_criteria;
  guint                    n_fields;
  AcrRubric               *rubric;

  /* The run's summary, written by the running thread (atomically: read during a run). */
  gint64                   batch_id;
  int                      total;
  int                      issued;
  int                      skipped;
  int                      failed;
  int                      cancelled;
  gint64                   started_us;
  gint64                   finished_us;
  GMutex                   failures_lock;
  GArray                  *failures;

  /* run_async: where "progress" is emitted. */
  GMainContext            *context;
  int                      progress_pending;
  guint                    started : 1;
};

G_DEFINE_FINAL_TYPE (AcrIssuanceBatch, acr_issuance_batch, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The state of one run, owned by the coordinating thread (workers read the key fields). */
typedef struct
{
  AcrIssuanceBatch   *self;
  GCancellable       *cancellable;
  gnutls_privkey_t    key;
  gnutls_x509_crt_t  *chain;
  guint               n_chain;
  const char         *fingerprint;
  int                 validity_months;

  GThreadPool        *pool;
  GAsyncQueue        *results;
  guint               in_flight;
  guint               max_in_flight;
  GPtrArray          *chunk;          /* of Job, signed, waiting for the commit */
  gint64              chunk_started;

  /* Candidates read ahead (at most one page). */
  GArray             *page;
  guint               page_pos;
  gboolean            exhausted;
  gint64              last_id;         /* of the last assessment read (keyset) */
  CsvReader           csv;
} Run;

/* Common helpers */

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
job_free (Job *job)
{
  g_free (job->uuid);
  g_free (job->issued_at);
  g_free (job->valid_until);
  g_clear_pointer (&job->doc, xmlFreeDoc);
  g_clear_pointer (&job->document, g_bytes_unref);
  g_clear_error (&job->error);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
free_xml_memory (gpointer data)
{
  xmlFree (data);
}

/* Builds the unsigned document of @assessment_id issued now; NULL with the eligibility error
 * when it cannot be certified. */
static Job *
job_new (AcrStore    *store,
         gint64       assessment_id,
         const char  *revocation_list_url,
         int          validity_months,
         GError     **error)
{
  g_autoptr(Job) job = g_new0 (Job, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issued = NULL;
  g_autoptr(GDateTime) until = NULL;

  /* To the second, as the document states it. */
  issued = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                g_date_time_get_minute (now), g_date_time_get_second (now));
  job->assessment_id = assessment_id;
  job->uuid = acr_uuid_urn_new ();
  job->issued_at = format_utc (issued);
  until = acr_credential_compute_valid_until (issued, validity_months);
  if (until != NULL)
    job->valid_until = format_utc (until);

  job->doc = acr_credential_document_build (store, assessment_id, job->uuid, issued,
                                            revocation_list_url, error);
  if (job->doc == NULL)
    return NULL;

  return g_steal_pointer (&job);
}

/* Signs the job's document and keeps it serialised exactly as it is stored; frees the tree.
 * Touches no store: safe in any thread. */
static gboolean
job_sign (Job                *job,
          gnutls_privkey_t    key,
          gnutls_x509_crt_t  *chain,
          guint               n_chain,
          GError            **error)
{
  xmlChar *mem = NULL;
  int size = 0;

  if (!acr_xmldsig_sign (job->doc, key, chain, n_chain, error))
    {
      g_clear_pointer (&job->doc, xmlFreeDoc);
      return FALSE;
    }

  /* Without formatting: the document carries its own indentation (see
   * acr_credential_document_build), so these are the bytes that were signed. */
  xmlDocDumpMemoryEnc (job->doc, &mem, &size, "UTF-8");
  g_clear_pointer (&job->doc, xmlFreeDoc);
  if (mem == NULL || size <= 0)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_FAILED,
                   _("The signed credential could not be written out (out of memory?)."));
      return FALSE;
    }

  job->document = g_bytes_new_with_free_func (mem, (gsize) size, free_xml_memory, mem);
  return TRUE;
}

/* The id of the valid credential @learner_id holds for the module version @module_id, or 0
 * (also with @error set on a database error, then returning -1). */
static gint64
find_valid_credential (AcrStore  *store,
                       gint64     learner_id,
                       gint64     module_id,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT id FROM credential WHERE learner_id = ?1 AND "
                             "module_id = ?2 AND status = 'valid' AND curriculum_id IS NULL",
                             error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, learner_id);
  sqlite3_bind_int64 (stmt, 2, module_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return -1;

  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static char *
format_date_for_people (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d %H:%M UTC");
}

gboolean
acr_issuance_check_identity (AcrStore            *store,
                             AcrSigningIdentity  *identity,
                             GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *name;
  GDateTime *not_before;
  GDateTime *not_after;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (identity), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_signing_identity_has_certificate (identity))
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CERTIFICATE,
                   _("The signing key has no certificate yet. Import the certificate your "
                     "certification authority issued for its request, then issue."));
      return FALSE;
    }

  name = acr_signing_identity_get_common_name (identity);
  if (name == NULL)
    name = acr_signing_identity_get_subject_dn (identity);
  if (name == NULL)
    name = acr_signing_identity_get_fingerprint (identity);

  not_before = acr_signing_identity_get_not_before (identity);
  not_after = acr_signing_identity_get_not_after (identity);
  if (not_before != NULL && g_date_time_compare (now, not_before) < 0)
    {
      g_autofree char *from = format_date_for_people (not_before);

      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CERTIFICATE,
                   _("The certificate of “%s” is valid only from %s on. Issue then, or with "
                     "another key."), name, from);
      return FALSE;
    }
  if (not_after != NULL && g_date_time_compare (now, not_after) > 0)
    {
      g_autofree char *until = format_date_for_people (not_after);

      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CERTIFICATE,
                   _("The certificate of “%s” expired on %s: credentials signed with it "
                     "would not be accepted. Create or import a new key and issue with it."),
                   name, until);
      return FALSE;
    }

  stmt = _acr_store_prepare (store,
                             "SELECT label, retired_at FROM signing_identity "
                             "WHERE fingerprint = ?1 AND retired_at IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  _acr_bind_text (stmt, 1, acr_signing_identity_get_fingerprint (identity));
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CERTIFICATE,
                   _("The signing key “%s” was retired on %s: no more credentials are issued "
                     "with it. Issue with a current key."),
                   (const char *) sqlite3_column_text (stmt, 0),
                   (const char *) sqlite3_column_text (stmt, 1));
      return FALSE;
    }

  return TRUE;
}

gint64
acr_issuance_find_assessment (AcrStore  *store,
                              gint64     module_id,
                              gint64     learner_id,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(AcrLearner) learner = NULL;
  g_autoptr(AcrModule) module = NULL;
  g_autofree char *name = NULL;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!(module = acr_module_load (store, module_id, error)) ||
      !(learner = acr_learner_load (store, learner_id, error)))
    return 0;

  stmt = _acr_store_prepare (store,
                             "SELECT id FROM assessment WHERE +module_id = ?1 AND "
                             "learner_id = ?2 AND +passed = 1 "
                             "ORDER BY assessed_on DESC, id DESC LIMIT 1", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, module_id);
  sqlite3_bind_int64 (stmt, 2, learner_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return 0;
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  name = acr_learner_dup_display_name (learner);
  g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_NOT_FOUND,
               _("%s has no passed assessment in version %d of module “%s”. Record the "
                 "assessment first; credentials are issued for passed assessments only."),
               name, acr_module_get_version (module), acr_module_get_code (module));
  return 0;
}

AcrCredential *
acr_issue_credential_full (AcrStore            *store,
                           AcrSigningIdentity  *identity,
                           gint64               assessment_id,
                           const char          *revocation_list_url,
                           gboolean            *already_issued,
                           GError             **error)
{
  g_autoptr(AcrAssessment) assessment = NULL;
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(Job) job = NULL;
  g_autoptr(GError) local_error = NULL;
  guint n_chain = 0;
  gnutls_x509_crt_t *chain;
  gint64 existing;
  gint64 id = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (identity), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (already_issued != NULL)
    *already_issued = FALSE;

  if (!acr_issuance_check_identity (store, identity, error) ||
      !(assessment = acr_assessment_load (store, assessment_id, error)))
    return NULL;

  existing = find_valid_credential (store, acr_assessment_get_learner_id (assessment),
                                    acr_assessment_get_module_id (assessment), error);
  if (existing < 0)
    return NULL;
  if (existing > 0)
    {
      if (already_issued != NULL)
        *already_issued = TRUE;
      return acr_credential_load (store, existing, error);
    }

  module = acr_module_load (store, acr_assessment_get_module_id (assessment), error);
  if (module == NULL)
    return NULL;

  job = job_new (store, assessment_id, revocation_list_url,
                 acr_module_get_validity_months (module), error);
  if (job == NULL)
    return NULL;

  /* Signing happens outside the transaction: the store stays free meanwhile. */
  chain = acr_signing_identity_get_chain (identity, &n_chain);
  if (!job_sign (job, acr_signing_identity_get_privkey (identity), chain, n_chain, error))
    return NULL;

  if (!acr_store_begin (store, error))
    return NULL;

  if (!_acr_credential_insert (store, job->uuid, acr_assessment_get_learner_id (assessment),
                               acr_assessment_get_module_id (assessment), assessment_id, 0,
                               job->issued_at, job->valid_until, job->document,
                               acr_signing_identity_get_fingerprint (identity), &id,
                               &local_error))
    {
      acr_store_rollback (store);

      /* Issued by somebody else meanwhile: that one counts. */
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        {
          existing = find_valid_credential (store, acr_assessment_get_learner_id (assessment),
                                            acr_assessment_get_module_id (assessment), NULL);
          if (existing > 0)
            {
              if (already_issued != NULL)
                *already_issued = TRUE;
              return acr_credential_load (store, existing, error);
            }
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!acr_store_commit (store, error))
    return NULL;

  return acr_credential_load (store, id, error);
}

AcrCredential *
acr_issue_credential (AcrStore            *store,
                      AcrSigningIdentity  *identity,
                      gint64               assessment_id,
                      const char          *revocation_list_url,
                      GError             **error)
{
  return acr_issue_credential_full (store, identity, assessment_id, revocation_list_url, NULL,
                                    error);
}

/* CSV reading */

/* Opens @path; reads nothing yet. */
static gboolean
csv_open (CsvReader   *r,
          const char  *path,
          GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;

  in = g_file_read (file, NULL, &local_error);
  if (in == NULL)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                   _("Could not open the CSV file “%s”: %s."), path, local_error->message);
      return FALSE;
    }

  r->in = g_data_input_stream_new (G_INPUT_STREAM (in));
  g_data_input_stream_set_newline_type (r->in, G_DATA_STREAM_NEWLINE_TYPE_ANY);
  r->line = 0;
  r->row = 0;
  r->delimiter = 0;
  return TRUE;
}

static void
csv_close (CsvReader *r)
{
  g_clear_object (&r->in);
}

/* The next line without its end, or NULL at the end (@error set when reading failed). */
static char *
csv_read_line (CsvReader   *r,
               const char  *path,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len = 0;
  char *line;

  line = g_data_input_stream_read_line (r->in, &len, NULL, &local_error);
  if (line == NULL)
    {
      if (local_error != NULL)
        g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                     _("Could not read the CSV file “%s”: %s."), path, local_error->message);
      return NULL;
    }

  r->line++;
  if (!g_utf8_validate (line, len, NULL) || strlen (line) != len)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                   _("Line %u of “%s” is not UTF-8 text. Save the file as CSV in UTF-8."),
                   r->line, path);
      g_free (line);
      return NULL;
    }

  /* A byte order mark before the header. */
  if (r->line == 1 && g_str_has_prefix (line, "\xef\xbb\xbf"))
    memmove (line, line + 3, strlen (line + 3) + 1);

  return line;
}

/* Reads the next record into @fields (stripped strings). Returns 1 for a record (its first
 * line in *@row), 0 at the end of the file, -1 on an error of the whole file. Blank lines are
 * no records. The delimiter is chosen from the first line. */
static int
csv_read_record (CsvReader   *r,
                 const char  *path,
                 GPtrArray   *fields,
                 guint       *row,
                 GError     **error)
{
  g_autofree char *line = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean in_quotes = FALSE;
  gboolean quoted = FALSE;
  gsize record_bytes = 0;
  const char *p;

  g_ptr_array_set_size (fields, 0);

  /* Blank lines are no records. */
  do
    {
      GError *local_error = NULL;

      g_free (line);
      line = csv_read_line (r, path, &local_error);
      if (line == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return -1;
            }
          return 0;
        }
      r->row++;
    }
  while (_acr_is_blank (line));

  *row = r->row;
  if (r->delimiter == 0)
    r->delimiter = (strchr (line, ';') != NULL && strchr (line, ',') == NULL) ? ';' : ',';

  p = line;
  for (;;)
    {
      char c = *p;

      if (c == '\0')
        {
          if (!in_quotes)
            break;

          /* A line break inside quotes belongs to the field. */
          g_string_append_c (field, '\n');
          record_bytes += strlen (line);
          g_free (line);
          {
            GError *local_error = NULL;

            line = csv_read_line (r, path, &local_error);
            if (line == NULL)
              {
                if (local_error != NULL)
                  g_propagate_error (error, local_error);
                else
                  g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                               _("Row %u of “%s” opens a quoted field that is never closed."),
                               *row, path);
                return -1;
              }
          }
          if (record_bytes > CSV_MAX_RECORD_BYTES)
            {
              g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                           _("Row %u of “%s” is longer than 1 MB; a quoted field is probably "
                             "not closed."), *row, path);
              return -1;
            }
          p = line;
          continue;
        }

      if (in_quotes)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            in_quotes = FALSE;
          else
            g_string_append_c (field, c);
        }
      else if (c == r->delimiter)
        {
          g_ptr_array_add (fields, quoted ? g_strdup (field->str)
                                          : g_strstrip (g_strdup (field->str)));
          g_string_truncate (field, 0);
          quoted = FALSE;
        }
      else if (c == '"' && _acr_is_blank (field->str))
        {
          g_string_truncate (field, 0);
          in_quotes = TRUE;
          quoted = TRUE;
        }
      else
        g_string_append_c (field, c);

      p++;
    }

  g_ptr_array_add (fields, quoted ? g_strdup (field->str) : g_strstrip (g_strdup (field->str)));
  return 1;
}

/* Batch */

static void
acr_issuance_batch_finalize (GObject *object)
{
  AcrIssuanceBatch *self = (AcrIssuanceBatch *) object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  g_clear_object (&self->store);
  g_clear_object (&self->identity);
  g_clear_object (&self->rubric);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->csv_path, g_free);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->revocation_list_url, g_free);
  g_clear_pointer (&self->failures, g_array_unref);
  g_mutex_clear (&self->failures_lock);

  G_OBJECT_CLASS (acr_issuance_batch_parent_class)->finalize (object);
}

static void
acr_issuance_batch_class_init (AcrIssuanceBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_issuance_batch_finalize;

  /**
   * AcrIssuanceBatch::progress:
   * @done: records finished (issued and committed, skipped or failed)
   * @total: records in the batch
   *
   * Emitted on the caller's main context (run_async) or thread (run) as records finish, at
   * least once at the end.
   */
  signals [PROGRESS] =
    g_signal_new ("progress",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
clear_failure (gpointer data)
{
  Failure *f = data;

  g_free (f->message);
}

static void
acr_issuance_batch_init (AcrIssuanceBatch *self)
{
  self->chunk_size = DEFAULT_CHUNK_SIZE;
  self->failures = g_array_new (FALSE, TRUE, sizeof (Failure));
  g_array_set_clear_func (self->failures, clear_failure);
  g_mutex_init (&self->failures_lock);
  for (guint i = 0; i < N_COLS; i++)
    self->columns[i] = -1;
}

static AcrIssuanceBatch *
batch_new (AcrStore            *store,
           AcrSigningIdentity  *identity,
           gint64               module_id)
{
  AcrIssuanceBatch *self = g_object_new (ACR_TYPE_ISSUANCE_BATCH, NULL);

  self->store = g_object_ref (store);
  self->identity = g_object_ref (identity);
  self->module_id = module_id;
  return self;
}

AcrIssuanceBatch *
acr_issuance_batch_new_for_module (AcrStore            *store,
                                   AcrSigningIdentity  *identity,
                                   gint64               module_id)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (identity), NULL);
  g_return_val_if_fail (module_id > 0, NULL);

  return batch_new (store, identity, module_id);
}

static int
find_column (const char *name)
{
  for (guint i = 0; i < N_COLS; i++)
    if (g_str_equal (name, column_names[i]))
      return (int) i;

  return -1;
}

/* "crit3" → 3; 0 for other names. */
static guint
criterion_column (const char *name)
{
  guint64 n = 0;

  if (!g_str_has_prefix (name, "crit") ||
      !g_ascii_string_to_unsigned (name + 4, 10, 1, 9999, &n, NULL))
    return 0;

  return (guint) n;
}

/* Maps the header @fields to columns, checking them against the module's rubric. */
static gboolean
read_header (AcrIssuanceBatch  *self,
             AcrModule         *module,
             GPtrArray         *fields,
             GError           **error)
{
  static const Column required[] = {
    COL_EXTERNAL_ID, COL_GIVEN_NAME, COL_FAMILY_NAME, COL_ASSESSED_ON, COL_ASSESSOR,
  };
  const char *path = self->csv_path;

  self->n_criteria = self->rubric != NULL
                     ? g_list_model_get_n_items (acr_rubric_get_criteria (self->rubric)) : 0;
  self->criteria = g_new (int, self->n_criteria + 1);
  for (guint i = 0; i < self->n_criteria; i++)
    self->criteria[i] = -1;
  self->n_fields = fields->len;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = g_ascii_strdown (g_ptr_array_index (fields, i), -1);
      int col;
      guint crit;

      g_strdelimit (name, "-", '_');
      col = find_column (name);
      crit = criterion_column (name);

      if (col >= 0)
        {
          if (self->columns[col] >= 0)
            {
              g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                           _("The column “%s” appears twice in the header of “%s”."),
                           name, path);
              return FALSE;
            }
          if ((col == COL_PASSED || col == COL_TOTAL) && self->rubric != NULL)
            {
              g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                           _("“%s” has a column “%s”, but module “%s” has a rubric: give the "
                             "level reached per criterion (crit1, crit2, …) instead; the "
                             "total and the verdict follow from the rubric."),
                           path, name, acr_module_get_code (module));
              return FALSE;
            }
          self->columns[col] = (int) i;
        }
      else if (crit > 0)
        {
          if (self->rubric == NULL)
            {
              g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                           _("“%s” has a column “%s”, but module “%s” has no rubric. Give the "
                             "result in a column “passed” (yes or no) instead."),
                           path, name, acr_module_get_code (module));
              return FALSE;
            }
          if (crit > self->n_criteria)
            {
              g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                           _("“%s” has a column “%s”, but the rubric of module “%s” has the "
                             "criteria 1 to %u only."),
                           path, name, acr_module_get_code (module), self->n_criteria);
              return FALSE;
            }
          if (self->criteria[crit - 1] >= 0)
            {
              g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                           _("The column “%s” appears twice in the header of “%s”."),
                           name, path);
              return FALSE;
            }
          self->criteria[crit - 1] = (int) i;
        }
      else
        {
          g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                       _("The column “%s” of “%s” is not one Accredit knows. The columns are "
                         "external_id, given_name, family_name, email, birth_date, "
                         "assessed_on, assessor, grade, evidence, one crit1, crit2, … per "
                         "criterion of the rubric, and for a module without rubric passed "
                         "and total."),
                       (const char *) g_ptr_array_index (fields, i), path);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (self->columns[required[i]] < 0)
      {
        g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                     _("“%s” has no column “%s”, which every batch needs. The header row "
                       "must name at least external_id, given_name, family_name, "
                       "assessed_on and assessor."),
                     path, column_names[required[i]]);
        return FALSE;
      }

  for (guint i = 0; i < self->n_criteria; i++)
    if (self->criteria[i] < 0)
      {
        g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                     _("“%s” has no column “crit%u”: give the level reached in every "
                       "criterion of the rubric of module “%s” (crit1 to crit%u)."),
                     path, i + 1, acr_module_get_code (module), self->n_criteria);
        return FALSE;
      }

  if (self->rubric == NULL && self->columns[COL_PASSED] < 0)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                   _("“%s” has no column “passed”: module “%s” has no rubric, so say for "
                     "each learner whether they passed (yes or no)."),
                   path, acr_module_get_code (module));
      return FALSE;
    }

  return TRUE;
}

AcrIssuanceBatch *
acr_issuance_batch_new_from_csv (AcrStore            *store,
                                 AcrSigningIdentity  *identity,
                                 gint64               module_id,
                                 const char          *csv_path,
                                 GError             **error)
{
  g_autoptr(AcrIssuanceBatch) self = NULL;
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  CsvReader reader = { NULL, };
  guint row = 0;
  guint n = 0;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (identity), NULL);
  g_return_val_if_fail (csv_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  module = acr_module_load (store, module_id, error);
  if (module == NULL)
    return NULL;

  self = batch_new (store, identity, module_id);
  self->csv_path = g_strdup (csv_path);
  self->rubric = acr_rubric_load_for_module (store, module_id, &local_error);
  if (self->rubric == NULL &&
      !g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!csv_open (&reader, csv_path, error))
    return NULL;

  rc = csv_read_record (&reader, csv_path, fields, &row, error);
  if (rc == 0)
    g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                 _("“%s” is empty. Its first row must name the columns: external_id, "
                   "given_name, family_name, assessed_on, assessor and the criteria."),
                 csv_path);
  if (rc <= 0 || !read_header (self, module, fields, error))
    {
      csv_close (&reader);
      return NULL;
    }
  self->delimiter = reader.delimiter;

  /* Count the records, so that progress knows the total. */
  while ((rc = csv_read_record (&reader, csv_path, fields, &row, error)) > 0)
    n++;
  csv_close (&reader);
  if (rc < 0)
    return NULL;

  self->total = (int) n;
  return g_steal_pointer (&self);
}

void
acr_issuance_batch_set_revocation_list_url (AcrIssuanceBatch *self,
                                            const char       *url)
{
  g_return_if_fail (ACR_IS_ISSUANCE_BATCH (self));
  g_return_if_fail (!self->started);

  _acr_set_string (&self->revocation_list_url, url);
}

void
acr_issuance_batch_set_chunk_size (AcrIssuanceBatch *self,
                                   guint             chunk_size)
{
  g_return_if_fail (ACR_IS_ISSUANCE_BATCH (self));
  g_return_if_fail (chunk_size > 0);
  g_return_if_fail (!self->started);

  self->chunk_size = chunk_size;
}

void
acr_issuance_batch_set_n_workers (AcrIssuanceBatch *self,
                                  guint             n_workers)
{
  g_return_if_fail (ACR_IS_ISSUANCE_BATCH (self));
  g_return_if_fail (!self->started);

  self->n_workers = n_workers;
}

void
acr_issuance_batch_set_progress_func (AcrIssuanceBatch        *self,
                                      AcrIssuanceProgressFunc  func,
                                      gpointer                 user_data,
                                      GDestroyNotify           destroy)
{
  g_return_if_fail (ACR_IS_ISSUANCE_BATCH (self));
  g_return_if_fail (!self->started);

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/* The run: progress and counts */

static guint
get_done (AcrIssuanceBatch *self)
{
  return (guint) (g_atomic_int_get (&self->issued) + g_atomic_int_get (&self->skipped) +
                  g_atomic_int_get (&self->failed));
}

static gboolean
emit_progress_cb (gpointer data)
{
  AcrIssuanceBatch *self = data;

  g_atomic_int_set (&self->progress_pending, 0);
  g_signal_emit (self, signals [PROGRESS], 0, get_done (self),
                 (guint) g_atomic_int_get (&self->total));
  return G_SOURCE_REMOVE;
}

static void
report_progress (Run *run)
{
  AcrIssuanceBatch *self = run->self;

  if (self->progress_func != NULL)
    self->progress_func (self, get_done (self), (guint) g_atomic_int_get (&self->total),
                         self->progress_data);

  if (self->context == NULL)
    emit_progress_cb (self);
  else if (g_atomic_int_compare_and_exchange (&self->progress_pending, 0, 1))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_progress_cb,
                                g_object_ref (self), g_object_unref);
}

static void
add_failure (Run         *run,
             guint        row,
             gint64       learner_id,
             gint64       assessment_id,
             const char  *message)
{
  AcrIssuanceBatch *self = run->self;

  g_mutex_lock (&self->failures_lock);
  if (self->failures->len < ACR_ISSUANCE_MAX_FAILURES_KEPT)
    {
      Failure f = { row, learner_id, assessment_id, NULL };

      if (row > 0)
        /* Translators: a row of a CSV file and what was wrong with it */
        f.message = g_strdup_printf (_("Row %u: %s"), row, message);
      else
        f.message = g_strdup (message);
      g_array_append_val (self->failures, f);
    }
  g_mutex_unlock (&self->failures_lock);

  g_atomic_int_inc (&self->failed);
  report_progress (run);
}

static void
add_skipped (Run *run)
{
  g_atomic_int_inc (&run->self->skipped);
  report_progress (run);
}

/* Errors of the database as a whole (rather than of one record) stop a batch. */
static gboolean
is_fatal_store_error (const GError *error)
{
  return error->domain == ACR_STORE_ERROR &&
         (error->code == ACR_STORE_ERROR_FAILED ||
          error->code == ACR_STORE_ERROR_CANNOT_OPEN ||
          error->code == ACR_STORE_ERROR_CORRUPT ||
          error->code == ACR_STORE_ERROR_BUSY);
}

static gboolean
update_batch_row (Run          *run,
                  guint         issued,
                  guint         skipped,
                  gboolean      finished,
                  GError      **error)
{
  AcrIssuanceBatch *self = run->self;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = finished ? _acr_now_iso8601 () : NULL;

  stmt = _acr_store_prepare (self->store,
                             "UPDATE issuance_batch SET total = ?2, issued = ?3, skipped = ?4, "
                             "failed = ?5, cancelled = ?6, finished_at = ?7 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->batch_id);
  sqlite3_bind_int (stmt, 2, g_atomic_int_get (&self->total));
  sqlite3_bind_int (stmt, 3, (int) issued);
  sqlite3_bind_int (stmt, 4, (int) skipped);
  sqlite3_bind_int (stmt, 5, g_atomic_int_get (&self->failed));
  sqlite3_bind_int (stmt, 6, g_atomic_int_get (&self->cancelled) ? 1 : 0);
  _acr_bind_text (stmt, 7, now);
  return _acr_store_run (self->store, stmt, error);
}

/* Commits the signed credentials waiting in the chunk, each with its audit entry, and the
 * batch's counts, in one transaction. */
static gboolean
commit_chunk (Run     *run,
              GError **error)
{
  AcrIssuanceBatch *self = run->self;
  guint issued = (guint) g_atomic_int_get (&self->issued);
  guint skipped = (guint) g_atomic_int_get (&self->skipped);
  guint n_issued = 0;
  guint n_skipped = 0;

  if (!acr_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < run->chunk->len; i++)
    {
      Job *job = g_ptr_array_index (run->chunk, i);
      g_autoptr(GError) local_error = NULL;

      if (_acr_credential_insert (self->store, job->uuid, job->learner_id, self->module_id,
                                  job->assessment_id, 0, job->issued_at, job->valid_until,
                                  job->document, run->fingerprint, NULL, &local_error))
        n_issued++;
      else if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE))
        n_skipped++;  /* issued by somebody else meanwhile */
      else
        {
          acr_store_rollback (self->store);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!update_batch_row (run, issued + n_issued, skipped + n_skipped, FALSE, error))
    {
      acr_store_rollback (self->store);
      return FALSE;
    }

  if (!acr_store_commit (self->store, error))
    return FALSE;

  g_ptr_array_set_size (run->chunk, 0);
  g_atomic_int_add (&self->issued, (int) n_issued);
  g_atomic_int_add (&self->skipped, (int) n_skipped);
  report_progress (run);
  return TRUE;
}

/* Candidates from the database: every learner with a passed assessment in the module, by
 * the latest passed assessment of each (by date, then number), in pages in the order of the
 * assessments' numbers (keyset: the index on module and verdict holds them in that order, so
 * a page costs the same at the end of a large batch as at its start). */
static gboolean
fill_page_from_db (Run     *run,
                   GError **error)
{
  AcrIssuanceBatch *self = run->self;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* The unary + keep SQLite on the index by learner for the subquery: the index by module
   * would make each lookup scan the whole module. */
  stmt = _acr_store_prepare (self->store,
    "SELECT a.id, a.learner_id, "
    "  EXISTS (SELECT 1 FROM credential c WHERE c.learner_id = a.learner_id AND "
    "          c.module_id = ?1 AND c.status = 'valid' AND c.curriculum_id IS NULL), "
    "  EXISTS (SELECT 1 FROM credential r WHERE r.assessment_id = a.id AND "
    "          r.status = 'revoked') "
    "FROM assessment a "
    "WHERE a.module_id = ?1 AND a.passed = 1 AND a.id > ?2 AND "
    "  NOT EXISTS (SELECT 1 FROM assessment b WHERE b.learner_id = a.learner_id AND "
    "              +b.module_id = ?1 AND +b.passed = 1 AND "
    "              (b.assessed_on > a.assessed_on OR "
    "               (b.assessed_on = a.assessed_on AND b.id > a.id))) "
    "ORDER BY a.id LIMIT ?3", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->module_id);
  sqlite3_bind_int64 (stmt, 2, run->last_id);
  sqlite3_bind_int (stmt, 3, DB_PAGE_SIZE);

  g_array_set_size (run->page, 0);
  run->page_pos = 0;
  run->exhausted = TRUE;
  while ((rc = _acr_store_step (self->store, stmt, error)) == SQLITE_ROW)
    {
      Candidate c = { 0, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 0) };

      run->exhausted = FALSE;
      run->last_id = c.assessment_id;
      if (sqlite3_column_int (stmt, 2) != 0 || sqlite3_column_int (stmt, 3) != 0)
        add_skipped (run);
      else
        g_array_append_val (run->page, c);
    }

  return rc >= 0;
}

static const char *
field (AcrIssuanceBatch *self,
       GPtrArray        *fields,
       Column            col)
{
  const char *value;

  if (self->columns[col] < 0)
    return NULL;

  value = g_ptr_array_index (fields, self->columns[col]);
  return value[0] != '\0' ? value : NULL;
}

static gint64
find_learner_by_external_id (AcrStore    *store,
                             const char  *external_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store, "SELECT id FROM learner WHERE external_id = ?1", error);
  if (stmt == NULL)
    return -1;
  _acr_bind_text (stmt, 1, external_id);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return -1;

  return rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gboolean
parse_passed (const char *text,
              gboolean   *passed)
{
  static const char * const yes[] = { "yes", "true", "1", "passed", "pass", "ja", NULL };
  static const char * const no[] = { "no", "false", "0", "failed", "fail", "nein", NULL };

  if (text == NULL)
    return FALSE;

  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *passed = TRUE;
        return TRUE;
      }
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *passed = FALSE;
        return TRUE;
      }

  return FALSE;
}

/* Fills @assessment's results (or verdict) from the row. */
static gboolean
apply_results (AcrIssuanceBatch  *self,
               AcrAssessment     *assessment,
               GPtrArray         *fields,
               GError           **error)
{
  if (self->rubric == NULL)
    {
      const char *passed_text = field (self, fields, COL_PASSED);
      const char *total_text = field (self, fields, COL_TOTAL);
      gboolean passed = FALSE;

      if (!parse_passed (passed_text, &passed))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("“%s” is no answer for “passed”: write yes or no."),
                       passed_text != NULL ? passed_text : "");
          return FALSE;
        }
      acr_assessment_set_passed (assessment, passed);

      if (total_text != NULL)
        {
          g_autofree char *copy = g_strdelimit (g_strdup (total_text), ",", '.');
          char *end = NULL;
          double total = g_ascii_strtod (copy, &end);

          if (end == copy || *end != '\0' || !(total >= 0))
            {
              g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("“%s” is no total: write the points as a number, e.g. 42.5."),
                           total_text);
              return FALSE;
            }
          acr_assessment_set_total (assessment, total);
        }
      return TRUE;
    }

  for (guint i = 0; i < self->n_criteria; i++)
    {
      const char *name = g_ptr_array_index (fields, self->criteria[i]);
      AcrRubricCriterion *criterion = acr_rubric_get_criterion_at (self->rubric, i + 1);
      AcrRubricLevel *level;

      if (name[0] == '\0')
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("crit%u is empty: give the level reached in every criterion."), i + 1);
          return FALSE;
        }

      level = acr_rubric_find_level_by_name (self->rubric, name);
      if (level == NULL)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          GListModel *levels = acr_rubric_get_levels (self->rubric);

          for (guint j = 0; j < g_list_model_get_n_items (levels); j++)
            {
              g_autoptr(AcrRubricLevel) l = g_list_model_get_item (levels, j);

              if (j > 0)
                g_string_append (names, ", ");
              g_string_append_printf (names, "“%s”", acr_rubric_level_get_name (l));
            }

          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                       _("crit%u: the rubric has no level called “%s”. Its levels are: %s."),
                       i + 1, name, names->str);
          return FALSE;
        }

      acr_assessment_set_result (assessment, acr_rubric_criterion_get_id (criterion),
                                 acr_rubric_level_get_id (level));
    }

  return TRUE;
}

static gboolean
same_results (AcrAssessment *a,
              AcrAssessment *b)
{
  GArray *ra = acr_assessment_get_results (a);
  GArray *rb = acr_assessment_get_results (b);
  guint na = ra != NULL ? ra->len : 0;
  guint nb = rb != NULL ? rb->len : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    {
      AcrAssessmentResult *r = &g_array_index (ra, AcrAssessmentResult, i);

      if (acr_assessment_get_result (b, r->criterion_id) != r->level_id)
        return FALSE;
    }

  if (na == 0 && acr_assessment_get_passed (a) != acr_assessment_get_passed (b))
    return FALSE;

  return g_strcmp0 (acr_assessment_get_grade (a), acr_assessment_get_grade (b)) == 0;
}

/* An assessment recorded before that @assessment repeats (a re-run of the same file), or 0. */
static gint64
find_same_assessment (AcrStore       *store,
                      AcrAssessment  *assessment,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _acr_store_prepare (store,
                             "SELECT id FROM assessment WHERE learner_id = ?1 AND "
                             "+module_id = ?2 AND assessed_on = ?3 AND assessor = ?4 "
                             "ORDER BY id DESC", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, acr_assessment_get_learner_id (assessment));
  sqlite3_bind_int64 (stmt, 2, acr_assessment_get_module_id (assessment));
  _acr_bind_text (stmt, 3, acr_assessment_get_assessed_on (assessment));
  _acr_bind_text (stmt, 4, acr_assessment_get_assessor (assessment));

  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(AcrAssessment) other = acr_assessment_load (store, id, error);

      if (other == NULL)
        return -1;
      if (same_results (assessment, other))
        return id;
    }

  return rc < 0 ? -1 : 0;
}

/* Records one CSV row: the learner when new, the assessment unless recorded before. Sets
 * *@skipped when the learner holds a credential already (nothing is recorded then). */
static gboolean
record_row (Run        *run,
            GPtrArray  *fields,
            guint       row,
            Candidate  *out,
            gboolean   *skipped,
            GError    **error)
{
  AcrIssuanceBatch *self = run->self;
  g_autoptr(AcrAssessment) assessment = NULL;
  const char *external_id;
  gint64 learner_id;
  gint64 existing;
  gint64 assessment_id;

  *skipped = FALSE;

  if (fields->len != self->n_fields)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                   _("The row has %u fields, but the header names %u columns."),
                   fields->len, self->n_fields);
      return FALSE;
    }

  external_id = field (self, fields, COL_EXTERNAL_ID);
  if (external_id == NULL)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                   _("The external_id is empty: every row needs the learner's number."));
      return FALSE;
    }

  learner_id = find_learner_by_external_id (self->store, external_id, error);
  if (learner_id < 0)
    return FALSE;

  if (learner_id == 0)
    {
      g_autoptr(AcrLearner) learner = acr_learner_new ();

      acr_learner_set_external_id (learner, external_id);
      acr_learner_set_given_name (learner, field (self, fields, COL_GIVEN_NAME));
      acr_learner_set_family_name (learner, field (self, fields, COL_FAMILY_NAME));
      acr_learner_set_email (learner, field (self, fields, COL_EMAIL));
      acr_learner_set_birth_date (learner, field (self, fields, COL_BIRTH_DATE));
      if (!acr_learner_save (learner, self->store, error))
        return FALSE;
      learner_id = acr_learner_get_id (learner);
    }
  else
    {
      existing = find_valid_credential (self->store, learner_id, self->module_id, error);
      if (existing < 0)
        return FALSE;
      if (existing > 0)
        {
          *skipped = TRUE;
          return TRUE;
        }
    }

  assessment = acr_assessment_new ();
  acr_assessment_set_learner_id (assessment, learner_id);
  acr_assessment_set_module_id (assessment, self->module_id);
  acr_assessment_set_assessed_on (assessment, field (self, fields, COL_ASSESSED_ON));
  acr_assessment_set_assessor (assessment, field (self, fields, COL_ASSESSOR));
  acr_assessment_set_grade (assessment, field (self, fields, COL_GRADE));
  acr_assessment_set_evidence (assessment, field (self, fields, COL_EVIDENCE));
  if (!apply_results (self, assessment, fields, error) ||
      !acr_assessment_validate (assessment, error))
    return FALSE;

  assessment_id = find_same_assessment (self->store, assessment, error);
  if (assessment_id < 0)
    return FALSE;
  if (assessment_id == 0)
    {
      if (!acr_assessment_save (assessment, self->store, error))
        return FALSE;
      assessment_id = acr_assessment_get_id (assessment);
    }

  out->row = row;
  out->learner_id = learner_id;
  out->assessment_id = assessment_id;
  return TRUE;
}

/* Candidates from the CSV file: the next rows recorded in one transaction, a savepoint each. */
static gboolean
fill_page_from_csv (Run     *run,
                    GError **error)
{
  AcrIssuanceBatch *self = run->self;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  guint n_rows = 0;

  g_array_set_size (run->page, 0);
  run->page_pos = 0;

  if (!acr_store_begin (self->store, error))
    return FALSE;

  while (n_rows < CSV_ROWS_PER_TXN && !g_cancellable_is_cancelled (run->cancellable))
    {
      g_autoptr(GError) row_error = NULL;
      Candidate c = { 0, };
      gboolean skipped = FALSE;
      guint row = 0;
      int rc;

      rc = csv_read_record (&run->csv, self->csv_path, fields, &row, error);
      if (rc < 0)
        {
          acr_store_rollback (self->store);
          return FALSE;
        }
      if (rc == 0)
        {
          run->exhausted = TRUE;
          break;
        }
      n_rows++;

      if (!acr_store_begin (self->store, error))
        {
          acr_store_rollback (self->store);
          return FALSE;
        }

      if (!record_row (run, fields, row, &c, &skipped, &row_error))
        {
          acr_store_rollback (self->store);  /* the row's savepoint */
          if (is_fatal_store_error (row_error))
            {
              acr_store_rollback (self->store);  /* the whole transaction */
              g_propagate_error (error, g_steal_pointer (&row_error));
              return FALSE;
            }
          add_failure (run, row, c.learner_id, 0, row_error->message);
          continue;
        }

      if (!acr_store_commit (self->store, error))
        {
          acr_store_rollback (self->store);
          return FALSE;
        }

      if (skipped)
        add_skipped (run);
      else
        g_array_append_val (run->page, c);
    }

  if (!update_batch_row (run, (guint) g_atomic_int_get (&self->issued),
                         (guint) g_atomic_int_get (&self->skipped), FALSE, error))
    {
      acr_store_rollback (self->store);
      return FALSE;
    }

  return acr_store_commit (self->store, error);
}

/* The next candidate to build: 1, or 0 when there are no more, -1 on a fatal error. */
static int
next_candidate (Run        *run,
                Candidate  *out,
                GError    **error)
{
  while (run->page_pos >= run->page->len)
    {
      if (run->exhausted || g_cancellable_is_cancelled (run->cancellable))
        return 0;

      if (run->self->csv_path != NULL)
        {
          if (!fill_page_from_csv (run, error))
            return -1;
        }
      else if (!fill_page_from_db (run, error))
        return -1;
    }

  *out = g_array_index (run->page, Candidate, run->page_pos++);
  return 1;
}

static void
sign_job_cb (gpointer data,
             gpointer user_data)
{
  Job *job = data;
  Run *run = user_data;

  if (g_cancellable_is_cancelled (run->cancellable))
    {
      g_clear_pointer (&job->doc, xmlFreeDoc);
      g_set_error_literal (&job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }
  else
    job_sign (job, run->key, run->chain, run->n_chain, &job->error);

  g_async_queue_push (run->results, job);
}

/* Takes a finished job from the workers. FALSE with @error when signing failed (the key
 * itself is at fault then, not the record: the batch stops). */
static gboolean
collect_job (Run     *run,
             Job     *job,
             GError **error)
{
  run->in_flight--;

  if (job->error == NULL)
    {
      if (run->chunk->len == 0)
        run->chunk_started = g_get_monotonic_time ();
      g_ptr_array_add (run->chunk, job);
      return TRUE;
    }

  if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      job_free (job);
      return TRUE;
    }

  g_propagate_prefixed_error (error, g_steal_pointer (&job->error),
                              _("Signing failed, so the batch stopped: "));
  job_free (job);
  return FALSE;
}

static gboolean
start_batch_row (Run     *run,
                 GError **error)
{
  AcrIssuanceBatch *self = run->self;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  g_autofree char *source = NULL;

  if (self->csv_path != NULL)
    source = g_strconcat ("csv:", self->csv_path, NULL);
  else
    source = g_strdup ("database");

  if (!acr_store_begin (self->store, error))
    return FALSE;

  stmt = _acr_store_prepare (self->store,
                             "INSERT INTO issuance_batch (module_id, source, started_at, total) "
                             "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, self->module_id);
  _acr_bind_text (stmt, 2, source);
  _acr_bind_text (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, g_atomic_int_get (&self->total));
  if (!_acr_store_run (self->store, stmt, error))
    goto fail;

  self->batch_id = _acr_store_last_insert_id (self->store);
  return acr_store_commit (self->store, error);

fail:
  acr_store_rollback (self->store);
  return FALSE;
}

static gboolean
count_db_total (Run     *run,
                GError **error)
{
  AcrIssuanceBatch *self = run->self;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _acr_store_prepare (self->store,
                             "SELECT count(DISTINCT learner_id) FROM assessment "
                             "WHERE module_id = ?1 AND passed = 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->module_id);
  if (_acr_store_step (self->store, stmt, error) != SQLITE_ROW)
    return FALSE;

  g_atomic_int_set (&self->total, sqlite3_column_int (stmt, 0));
  return TRUE;
}

/* The pipeline: see the top of the file. */
static gboolean
run_batch (AcrIssuanceBatch  *self,
           GCancellable      *cancellable,
           GError           **error)
{
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GError) fatal = NULL;
  g_autoptr(GError) local_error = NULL;
  Run run = { NULL, };
  guint n_workers;
  gboolean source_done = FALSE;
  gboolean ok;

  self->started_us = g_get_monotonic_time ();
  run.self = self;
  run.cancellable = cancellable;

  if (!acr_issuance_check_identity (self->store, self->identity, error) ||
      !(module = acr_module_load (self->store, self->module_id, error)))
    return FALSE;

  acr_xml_init ();
  run.key = acr_signing_identity_get_privkey (self->identity);
  run.chain = acr_signing_identity_get_chain (self->identity, &run.n_chain);
  run.fingerprint = acr_signing_identity_get_fingerprint (self->identity);
  run.validity_months = acr_module_get_validity_months (module);

  if (self->csv_path != NULL)
    {
      g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
      guint row = 0;
      int rc;

      if (!csv_open (&run.csv, self->csv_path, error))
        return FALSE;
      rc = csv_read_record (&run.csv, self->csv_path, header, &row, error);
      if (rc == 0 || (rc > 0 && header->len != self->n_fields))
        g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_CSV,
                     _("“%s” changed since the batch was prepared. Prepare the batch "
                       "again."), self->csv_path);
      if (rc <= 0 || header->len != self->n_fields)
        {
          csv_close (&run.csv);
          return FALSE;
        }
    }
  else if (!count_db_total (&run, error))
    return FALSE;

  if (!start_batch_row (&run, error))
    {
      csv_close (&run.csv);
      return FALSE;
    }

  n_workers = self->n_workers > 0 ? self->n_workers : g_get_num_processors ();
  run.max_in_flight = MAX (MIN_JOBS_IN_FLIGHT, n_workers * JOBS_PER_WORKER);
  run.results = g_async_queue_new ();
  run.chunk = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  run.page = g_array_new (FALSE, FALSE, sizeof (Candidate));
  run.pool = g_thread_pool_new (sign_job_cb, &run, (int) n_workers, FALSE, NULL);

  report_progress (&run);

  for (;;)
    {
      gboolean can_feed;
      Job *job = NULL;

      /* Build one more document while there is room in flight. */
      can_feed = fatal == NULL && !source_done && !g_cancellable_is_cancelled (cancellable);
      if (can_feed && run.in_flight < run.max_in_flight)
        {
          g_autoptr(GError) build_error = NULL;
          Candidate c;
          int rc;

          rc = next_candidate (&run, &c, &fatal);
          if (rc == 0)
            source_done = TRUE;
          else if (rc > 0)
            {
              job = job_new (self->store, c.assessment_id, self->revocation_list_url,
                             run.validity_months, &build_error);
              if (job != NULL)
                {
                  job->row = c.row;
                  job->learner_id = c.learner_id;
                  g_thread_pool_push (run.pool, job, NULL);
                  run.in_flight++;
                }
              else if (is_fatal_store_error (build_error))
                fatal = g_steal_pointer (&build_error);
              else
                add_failure (&run, c.row, c.learner_id, c.assessment_id, build_error->message);
            }
          can_feed = fatal == NULL && !source_done &&
                     !g_cancellable_is_cancelled (cancellable);
        }

      if (run.in_flight == 0 && !can_feed)
        break;

      /* Take what the workers finished; wait for them only when nothing else can be done. */
      if (run.in_flight > 0)
        {
          if (!can_feed || run.in_flight >= run.max_in_flight)
            job = g_async_queue_pop (run.results);
          else
            job = g_async_queue_try_pop (run.results);

          while (job != NULL)
            {
              collect_job (&run, job, fatal == NULL ? &fatal : NULL);
              job = g_async_queue_try_pop (run.results);
            }
        }

      /* Commit a full (or old) chunk. */
      if (fatal == NULL && run.chunk->len > 0 &&
          (run.chunk->len >= self->chunk_size ||
           g_get_monotonic_time () - run.chunk_started > CHUNK_MAX_AGE_US) &&
          !commit_chunk (&run, &fatal))
        g_ptr_array_set_size (run.chunk, 0);
    }

  /* What is signed is committed, also after a cancel or a signing failure. */
  if (run.chunk->len > 0 && !(fatal != NULL && fatal->domain == ACR_STORE_ERROR) &&
      !commit_chunk (&run, fatal == NULL ? &fatal : &local_error))
    g_ptr_array_set_size (run.chunk, 0);

  g_thread_pool_free (run.pool, FALSE, TRUE);
  g_async_queue_unref (run.results);
  g_ptr_array_unref (run.chunk);
  g_array_unref (run.page);
  csv_close (&run.csv);

  /* A cancel that came when all was done cancelled nothing. */
  if (fatal == NULL && g_cancellable_is_cancelled (cancellable) &&
      !(source_done && get_done (self) >= (guint) g_atomic_int_get (&self->total)))
    g_atomic_int_set (&self->cancelled, 1);

  /* The batch's record; a failure here loses nothing issued. */
  if (acr_store_begin (self->store, fatal == NULL ? &fatal : NULL))
    {
      if (!update_batch_row (&run, (guint) g_atomic_int_get (&self->issued),
                             (guint) g_atomic_int_get (&self->skipped), TRUE,
                             fatal == NULL ? &fatal : NULL))
        acr_store_rollback (self->store);
      else
        acr_store_commit (self->store, fatal == NULL ? &fatal : NULL);
    }

  self->finished_us = g_get_monotonic_time ();

  /* The last word on progress; with run_async the signal follows in run_done_cb. */
  if (self->progress_func != NULL)
    self->progress_func (self, get_done (self), (guint) g_atomic_int_get (&self->total),
                         self->progress_data);
  if (self->context == NULL)
    emit_progress_cb (self);

  ok = fatal == NULL && !g_atomic_int_get (&self->cancelled);
  if (fatal != NULL)
    g_propagate_error (error, g_steal_pointer (&fatal));
  else if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                 _("The batch was cancelled after %u of %u records: %u credentials issued, "
                   "%u skipped, %u failed. What was issued stays; run the batch again to "
                   "issue the rest."),
                 get_done (self), (guint) g_atomic_int_get (&self->total),
                 (guint) g_atomic_int_get (&self->issued),
                 (guint) g_atomic_int_get (&self->skipped),
                 (guint) g_atomic_int_get (&self->failed));

  return ok;
}

static gboolean
check_not_started (AcrIssuanceBatch  *self,
                   GError           **error)
{
  if (self->started)
    {
      g_set_error (error, ACR_ISSUANCE_ERROR, ACR_ISSUANCE_ERROR_RUN,
                   _("This batch has run already. Make a new batch to run it again: it "
                     "skips what was issued."));
      return FALSE;
    }

  self->started = TRUE;
  return TRUE;
}

gboolean
acr_issuance_batch_run (AcrIssuanceBatch  *self,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_started (self, error))
    return FALSE;

  return run_batch (self, cancellable, error);
}

static void
run_thread_cb (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AcrIssuanceBatch *self = source_object;
  GError *error = NULL;

  if (run_batch (self, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Back on the caller's context: the last "progress", then the caller's callback. */
static void
run_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  emit_progress_cb (source_object);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
acr_issuance_batch_run_async (AcrIssuanceBatch    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) inner = NULL;
  GError *error = NULL;

  g_return_if_fail (ACR_IS_ISSUANCE_BATCH (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, acr_issuance_batch_run_async);
  g_task_set_check_cancellable (task, FALSE);

  if (!check_not_started (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->context = g_main_context_ref_thread_default ();
  inner = g_task_new (self, cancellable, run_done_cb, g_steal_pointer (&task));
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, run_thread_cb);
}

gboolean
acr_issuance_batch_run_finish (AcrIssuanceBatch  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gint64
acr_issuance_batch_get_module_id (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  return self->module_id;
}

gint64
acr_issuance_batch_get_id (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  return self->batch_id;
}

guint
acr_issuance_batch_get_total (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  return (guint) g_atomic_int_get (&self->total);
}

guint
acr_issuance_batch_get_issued (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  return (guint) g_atomic_int_get (&self->issued);
}

guint
acr_issuance_batch_get_skipped (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  return (guint) g_atomic_int_get (&self->skipped);
}

guint
acr_issuance_batch_get_failed (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  return (guint) g_atomic_int_get (&self->failed);
}

gboolean
acr_issuance_batch_get_cancelled (AcrIssuanceBatch *self)
{
  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), FALSE);

  return g_atomic_int_get (&self->cancelled) != 0;
}

double
acr_issuance_batch_get_elapsed (AcrIssuanceBatch *self)
{
  gint64 end;

  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  if (self->started_us == 0)
    return 0;

  end = self->finished_us != 0 ? self->finished_us : g_get_monotonic_time ();
  return (end - self->started_us) / (double) G_USEC_PER_SEC;
}

guint
acr_issuance_batch_get_n_failures (AcrIssuanceBatch *self)
{
  guint n;

  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), 0);

  g_mutex_lock (&self->failures_lock);
  n = self->failures->len;
  g_mutex_unlock (&self->failures_lock);
  return n;
}

const char *
acr_issuance_batch_get_failure (AcrIssuanceBatch *self,
                                guint             index,
                                guint            *row,
                                gint64           *learner_id,
                                gint64           *assessment_id)
{
  Failure *f;

  g_return_val_if_fail (ACR_IS_ISSUANCE_BATCH (self), NULL);

  g_mutex_lock (&self->failures_lock);
  if (index >= self->failures->len)
    {
      g_mutex_unlock (&self->failures_lock);
      g_return_val_if_reached (NULL);
    }
  f = &g_array_index (self->failures, Failure, index);
  g_mutex_unlock (&self->failures_lock);

  if (row != NULL)
    *row = f->row;
  if (learner_id != NULL)
    *learner_id = f->learner_id;
  if (assessment_id != NULL)
    *assessment_id = f->assessment_id;
  return f->message;
}
