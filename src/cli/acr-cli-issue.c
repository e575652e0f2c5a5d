/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli issue: one credential (MODULE LEARNER), or a batch (every passed assessment of
 * a module, or a CSV file of learners and their results) with a progress bar on a terminal
 * and Ctrl+C to cancel cleanly; and accredit-cli credential: list, show and export the
 * credentials issued. The signing key is a stored identity (--key ID, its passphrase from
 * --passphrase-file or asked on the terminal) or a key file with its certificate
 * (--key-file, --cert). */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "acr-cli-object.h"

#define PROGRESS_WIDTH 30
/* Redraw the progress bar at most this often. */
#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 10)

/* The options of the signing key, shared by the ways to issue. */
typedef struct
{
  char *key;
  char *key_file;
  char *cert;
  char *passphrase_file;
  char *pin_file;
} KeyOptions;

static void
key_options_clear (KeyOptions *k)
{
  g_clear_pointer (&k->key, g_free);
  g_clear_pointer (&k->key_file, g_free);
  g_clear_pointer (&k->cert, g_free);
  g_clear_pointer (&k->passphrase_file, g_free);
  g_clear_pointer (&k->pin_file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KeyOptions, key_options_clear)

/* Usage errors of the key options, found before anything is read. */
static gboolean
check_key_options (KeyOptions  *k,
                   GError     **error)
{
  if ((k->key != NULL) == (k->key_file != NULL))
    {
      acr_cli_set_usage_error (error, _("Give the signing key: --key ID (a key that “key list” "
                                        "shows) or --key-file KEY with --cert CERT."));
      return FALSE;
    }

  if (k->key_file != NULL && k->cert == NULL)
    {
      acr_cli_set_usage_error (error, _("--key-file needs the certificate too: give --cert "
                                        "CERT (PEM, the signer's certificate first)."));
      return FALSE;
    }

  return TRUE;
}

static AcrSigningIdentity *
open_identity (AcrStore    *store,
               KeyOptions  *k,
               GError     **error)
{
  char *passphrase = NULL;
  AcrSigningIdentity *identity = NULL;

  if (!check_key_options (k, error))
    return NULL;

  if (k->key != NULL)
    {
      g_autoptr(AcrIdentityRecord) record = NULL;
      gint64 id;

      if (!acr_cli_parse_id (k->key, &id, error) ||
          !(record = acr_identity_store_load (store, id, error)))
        return NULL;

      if (!acr_identity_record_get_is_pkcs11 (record))
        {
          passphrase = acr_cli_read_secret (k->passphrase_file, "passphrase-file",
                                            _("Passphrase of the signing key"), FALSE, error);
          if (passphrase == NULL)
            return NULL;
        }

      identity = acr_identity_store_open (store, id, passphrase, acr_cli_pin_func, k->pin_file,
                                          error);
      acr_cli_secret_free (passphrase);
      return identity;
    }

  passphrase = acr_cli_read_secret (k->passphrase_file, "passphrase-file",
                                    _("Passphrase of the signing key"), FALSE, error);
  if (passphrase == NULL)
    return NULL;

  identity = acr_signing_identity_load (k->cert, k->key_file, passphrase, error);
  acr_cli_secret_free (passphrase);
  return identity;
}

static void
print_credential_issued (AcrCliContext *ctx,
                         AcrCredential *credential,
                         gboolean       already)
{
  if (ctx->json)
    {
      JsonNode *node = acr_cli_object_to_json (G_OBJECT (credential));

      json_object_set_boolean_member (json_node_get_object (node), "already-issued", already);
      acr_cli_print_json (node);
      return;
    }

  if (already)
    g_print (_("%s holds the credential %s (number %lld) for version %d of module “%s” "
               "already; nothing was issued."),
             acr_credential_get_learner_name (credential), acr_credential_get_uuid (credential),
             (long long) acr_credential_get_id (credential),
             acr_credential_get_module_version (credential),
             acr_credential_get_module_code (credential));
  else
    g_print (_("Issued the credential %s (number %lld) to %s for version %d of module “%s”."),
             acr_credential_get_uuid (credential), (long long) acr_credential_get_id (credential),
             acr_credential_get_learner_name (credential),
             acr_credential_get_module_version (credential),
             acr_credential_get_module_code (credential));
  g_print ("\n");
}

/* The batch's run on the command line: progress bar, Ctrl+C, main loop. */
typedef struct
{
  GMainLoop     *loop;
  GCancellable  *cancellable;
  gboolean       bar;
  gboolean       bar_drawn;
  gint64         last_draw;
  gboolean       ok;
  GError        *error;
} BatchRun;

static void
draw_bar (BatchRun *run,
          guint     done,
          guint     total,
          gboolean  force)
{
  gint64 now = g_get_monotonic_time ();
  char bar[PROGRESS_WIDTH + 1];
  guint filled;

  if (!run->bar || (!force && now - run->last_draw < PROGRESS_INTERVAL_US))
    return;

  filled = total > 0 ? (guint) ((guint64) done * PROGRESS_WIDTH / total) : PROGRESS_WIDTH;
  memset (bar, '#', filled);
  memset (bar + filled, ' ', PROGRESS_WIDTH - filled);
  bar[PROGRESS_WIDTH] = '\0';
  fprintf (stderr, "\r[%s] %u/%u", bar, done, total);
  fflush (stderr);
  run->last_draw = now;
  run->bar_drawn = TRUE;
}

static void
on_progress_cb (AcrIssuanceBatch *batch,
                guint             done,
                guint             total,
                gpointer          user_data)
{
  draw_bar (user_data, done, total, done == total);
}

static gboolean
on_interrupt_cb (gpointer user_data)
{
  BatchRun *run = user_data;

  if (run->bar_drawn)
    fprintf (stderr, "\n");
  fprintf (stderr, "%s\n", _("Cancelling: committing what is signed…"));
  run->bar_drawn = FALSE;
  g_cancellable_cancel (run->cancellable);

  /* A second Ctrl+C ends the program at once (what was committed stays). */
  return G_SOURCE_REMOVE;
}

static void
on_batch_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BatchRun *run = user_data;

  run->ok = acr_issuance_batch_run_finish (ACR_ISSUANCE_BATCH (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
print_batch_summary (AcrCliContext    *ctx,
                     AcrIssuanceBatch *batch)
{
  guint n_failures = acr_issuance_batch_get_n_failures (batch);
  guint issued = acr_issuance_batch_get_issued (batch);
  double seconds = acr_issuance_batch_get_elapsed (batch);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "batch");
      json_builder_add_int_value (builder, acr_issuance_batch_get_id (batch));
      json_builder_set_member_name (builder, "module-id");
      json_builder_add_int_value (builder, acr_issuance_batch_get_module_id (batch));
      json_builder_set_member_name (builder, "total");
      json_builder_add_int_value (builder, acr_issuance_batch_get_total (batch));
      json_builder_set_member_name (builder, "issued");
      json_builder_add_int_value (builder, issued);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, acr_issuance_batch_get_skipped (batch));
      json_builder_set_member_name (builder, "failed");
      json_builder_add_int_value (builder, acr_issuance_batch_get_failed (batch));
      json_builder_set_member_name (builder, "cancelled");
      json_builder_add_boolean_value (builder, acr_issuance_batch_get_cancelled (batch));
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, seconds);
      json_builder_set_member_name (builder, "failures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_failures; i++)
        {
          guint row = 0;
          gint64 learner_id = 0, assessment_id = 0;
          const char *message = acr_issuance_batch_get_failure (batch, i, &row, &learner_id,
                                                                &assessment_id);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "row");
          if (row > 0)
            json_builder_add_int_value (builder, row);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "learner-id");
          if (learner_id > 0)
            json_builder_add_int_value (builder, learner_id);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "assessment-id");
          if (assessment_id > 0)
            json_builder_add_int_value (builder, assessment_id);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
      return;
    }

  for (guint i = 0; i < n_failures; i++)
    g_printerr ("%s\n", acr_issuance_batch_get_failure (batch, i, NULL, NULL, NULL));
  if (acr_issuance_batch_get_failed (batch) > n_failures)
    {
      g_printerr (_("… and %u more."), acr_issuance_batch_get_failed (batch) - n_failures);
      g_printerr ("\n");
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Issued %u credential; %u skipped (issued before), %u failed, of %u, "
                        "in %.1f s (%.1f per second).",
                        "Issued %u credentials; %u skipped (issued before), %u failed, of %u, "
                        "in %.1f s (%.1f per second).", issued),
           issued, acr_issuance_batch_get_skipped (batch), acr_issuance_batch_get_failed (batch),
           acr_issuance_batch_get_total (batch), seconds,
           seconds > 0 ? issued / seconds : 0.0);
  g_print ("\n");
}

static int
run_batch (AcrCliContext     *ctx,
           AcrIssuanceBatch  *batch,
           guint              workers,
           const char        *revocation_list,
           GError           **error)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  BatchRun run = { loop, cancellable, FALSE, FALSE, 0, FALSE, NULL };
  guint sigint, sigterm;

  run.bar = !ctx->json && isatty (STDERR_FILENO);
  acr_issuance_batch_set_n_workers (batch, workers);
  acr_issuance_batch_set_revocation_list_url (batch, revocation_list);
  g_signal_connect (batch, "progress", G_CALLBACK (on_progress_cb), &run);

  sigint = g_unix_signal_add (SIGINT, on_interrupt_cb, &run);
  sigterm = g_unix_signal_add (SIGTERM, on_interrupt_cb, &run);
  acr_issuance_batch_run_async (batch, cancellable, on_batch_done_cb, &run);
  g_main_loop_run (loop);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      g_source_remove (sigint);
      g_source_remove (sigterm);
    }
  else
    {
      /* One of the two handlers removed itself; remove the other one. */
      GSource *source;

      if ((source = g_main_context_find_source_by_id (NULL, sigint)) != NULL)
        g_source_destroy (source);
      if ((source = g_main_context_find_source_by_id (NULL, sigterm)) != NULL)
        g_source_destroy (source);
    }

  if (run.bar_drawn)
    fprintf (stderr, "\n");

  print_batch_summary (ctx, batch);

  if (!run.ok)
    {
      g_propagate_error (error, run.error);
      return ACR_CLI_EXIT_ERROR;
    }

  if (acr_issuance_batch_get_failed (batch) > 0)
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u of %u record was not issued; the reasons are above.",
                                "%u of %u records were not issued; the reasons are above.",
                                acr_issuance_batch_get_total (batch)),
                   acr_issuance_batch_get_failed (batch), acr_issuance_batch_get_total (batch));
      return ACR_CLI_EXIT_ERROR;
    }

  return ACR_CLI_EXIT_OK;
}

static int
run_issue (AcrCliContext  *ctx,
           int             argc,
           char          **argv,
           GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_auto(KeyOptions) k = { NULL, };
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrModule) module = NULL;
  g_autofree char *module_text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *revocation_list = NULL;
  int workers = 0;
  gint64 module_id = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &k.key,
      N_("Sign with the stored key ID (see “key list”)"), N_("ID") },
    { "key-file", 0, 0, G_OPTION_ARG_FILENAME, &k.key_file,
      N_("Sign with the encrypted key file KEY (with --cert)"), N_("KEY") },
    { "cert", 0, 0, G_OPTION_ARG_FILENAME, &k.cert,
      N_("The certificate chain of --key-file (PEM, signer first)"), N_("CERT") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &k.passphrase_file,
      N_("Read the key's passphrase from the first line of FILE (else it is asked)"),
      N_("FILE") },
    { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, &k.pin_file,
      N_("Read the PIN of a key on a token from FILE (else it is asked)"), N_("FILE") },
    { "module", 0, 0, G_OPTION_ARG_STRING, &module_text,
      N_("Batch: every learner with a passed assessment in module ID"), N_("ID") },
    { "batch", 0, 0, G_OPTION_ARG_FILENAME, &csv,
      N_("Batch: the learners and results of the CSV FILE (with --module; see README)"),
      N_("FILE") },
    { "revocation-list", 0, 0, G_OPTION_ARG_STRING, &revocation_list,
      N_("State URL as the address of the issuer's revocation list"), N_("URL") },
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers,
      N_("Sign in N threads (default: one per processor)"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "issue", NULL, _("[MODULE LEARNER]"),
                               N_("Issues signed credentials: to one learner for the latest "
                                  "passed assessment in a module (MODULE LEARNER), or as a "
                                  "batch (--module ID, or --batch FILE.csv --module ID). "
                                  "Credentials issued before are skipped; Ctrl+C stops a "
                                  "batch, keeping what was issued."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 2, error))
    return ACR_CLI_EXIT_ERROR;

  if (argc == 2 || (argc == 3 && (module_text != NULL || csv != NULL)) ||
      (argc == 1 && module_text == NULL))
    {
      g_autofree char *hint = acr_cli_parser_get_hint (parser);

      acr_cli_set_usage_error (error, _("Give MODULE LEARNER to issue one credential, or "
                                        "--module ID (with --batch FILE.csv for a CSV file) "
                                        "to issue a batch.\n%s"), hint);
      return ACR_CLI_EXIT_ERROR;
    }
  if (!check_key_options (&k, error))
    return ACR_CLI_EXIT_ERROR;
  if (workers < 0 || workers > 256)
    {
      acr_cli_set_usage_error (error, _("The value of --workers must be a whole number from 1 "
                                        "to 256."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (!acr_cli_parse_id (argc == 3 ? argv[1] : module_text, &module_id, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(module = acr_module_load (store, module_id, error)))
    return ACR_CLI_EXIT_ERROR;

  if (argc == 3)
    {
      g_autoptr(AcrCredential) credential = NULL;
      gboolean already = FALSE;
      gint64 learner_id;
      gint64 assessment_id;

      if (!acr_cli_parse_id (argv[2], &learner_id, error) ||
          !(assessment_id = acr_issuance_find_assessment (store, module_id, learner_id, error)) ||
          !(identity = open_identity (store, &k, error)) ||
          !(credential = acr_issue_credential_full (store, identity, assessment_id,
                                                    revocation_list, &already, error)))
        return ACR_CLI_EXIT_ERROR;

      print_credential_issued (ctx, credential, already);
      return ACR_CLI_EXIT_OK;
    }

  {
    g_autoptr(AcrIssuanceBatch) batch = NULL;

    if (!(identity = open_identity (store, &k, error)) ||
        !acr_issuance_check_identity (store, identity, error))
      return ACR_CLI_EXIT_ERROR;

    if (csv != NULL)
      batch = acr_issuance_batch_new_from_csv (store, identity, module_id, csv, error);
    else
      batch = acr_issuance_batch_new_for_module (store, identity, module_id);
    if (batch == NULL)
      return ACR_CLI_EXIT_ERROR;

    return run_batch (ctx, batch, (guint) workers, revocation_list, error);
  }
}

const AcrCliGroup acr_cli_group_issue = {
  "issue", NULL, N_("Issues signed credentials, one or a batch"), NULL, run_issue
};

/* accredit-cli credential */

static const AcrCliColumn credential_columns[] = {
  { "id", N_("No.") },
  { "issued-at", N_("Issued") },
  { "learner-name", N_("Learner") },
  { "module-code", N_("Module") },
  { "module-version", N_("Version") },
  { "status", N_("Status") },
  { NULL }
};

/* A credential by number or by id ("urn:uuid:…" or the bare UUID). */
static AcrCredential *
load_credential (AcrStore    *store,
                 const char  *text,
                 GError     **error)
{
  gint64 id;

  if (text[0] != '\0' && strspn (text, "0123456789") == strlen (text))
    {
      if (!acr_cli_parse_id (text, &id, error))
        return NULL;
      return acr_credential_load (store, id, error);
    }

  return acr_credential_load_by_uuid (store, text, error);
}

static int
credential_list (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *search = NULL;
  g_autofree char *status = NULL;
  g_autofree char *module_text = NULL;
  g_autofree char *learner_text = NULL;
  AcrCredentialFilter filter = { NULL, };
  AcrStore *store;
  int limit = 0;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Show only credentials whose id, learner or module contains TEXT"), N_("TEXT") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Show only valid or only revoked credentials"), N_("valid|revoked") },
    { "module", 0, 0, G_OPTION_ARG_STRING, &module_text,
      N_("Show only the credentials of module ID"), N_("ID") },
    { "learner", 0, 0, G_OPTION_ARG_STRING, &learner_text,
      N_("Show only the credentials of learner ID"), N_("ID") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N entries"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "credential", "list", NULL,
                               N_("Lists the credentials issued, newest first."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;

  if (status != NULL && !g_str_equal (status, "valid") && !g_str_equal (status, "revoked"))
    {
      acr_cli_set_usage_error (error, _("“%s” is no status of a credential: give valid or "
                                        "revoked."), status);
      return ACR_CLI_EXIT_ERROR;
    }
  if (limit < 0)
    {
      acr_cli_set_usage_error (error, _("The value of --limit must be a whole number of zero "
                                        "or more."));
      return ACR_CLI_EXIT_ERROR;
    }
  if ((module_text != NULL && !acr_cli_parse_id (module_text, &filter.module_id, error)) ||
      (learner_text != NULL && !acr_cli_parse_id (learner_text, &filter.learner_id, error)) ||
      !(store = acr_cli_context_get_store (ctx, error)))
    return ACR_CLI_EXIT_ERROR;

  filter.search = search;
  filter.status = status;
  list = acr_credential_list_filtered (store, &filter);
  acr_cli_print_list (ctx, G_LIST_MODEL (list), credential_columns, (guint) limit);
  return ACR_CLI_EXIT_OK;
}

static int
credential_show (AcrCliContext  *ctx,
                 int             argc,
                 char          **argv,
                 GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *status;
  AcrStore *store;
  guint width = 0;

  parser = acr_cli_parser_new (ctx, "credential", "show", _("ID|UUID"),
                               N_("Shows a credential: to whom, for what, when, by which key, "
                                  "and whether it was revoked."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(credential = load_credential (store, argv[1], error)))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      acr_cli_print_json (acr_cli_object_to_json (G_OBJECT (credential)));
      return ACR_CLI_EXIT_OK;
    }

#define ROW(label, value) \
  G_STMT_START { \
    char *row_value = (value); \
    if (row_value != NULL) \
      { \
        char **row = g_new0 (char *, 3); \
        row[0] = g_strdup (label); \
        row[1] = row_value; \
        g_ptr_array_add (rows, row); \
        width = MAX (width, (guint) g_utf8_strlen (label, -1)); \
      } \
  } G_STMT_END

  status = acr_credential_get_status (credential) == ACR_CREDENTIAL_STATUS_REVOKED
           ? _("Revoked") : _("Valid");
  ROW (_("Number"), g_strdup_printf ("%lld", (long long) acr_credential_get_id (credential)));
  ROW (_("Id"), g_strdup (acr_credential_get_uuid (credential)));
  ROW (_("Learner"), g_strdup_printf ("%s (%lld)", acr_credential_get_learner_name (credential),
                                      (long long) acr_credential_get_learner_id (credential)));
  if (acr_credential_get_module_id (credential) > 0)
    ROW (_("Module"), g_strdup_printf ("%s, version %d: %s (%lld)",
                                       acr_credential_get_module_code (credential),
                                       acr_credential_get_module_version (credential),
                                       acr_credential_get_module_title (credential),
                                       (long long) acr_credential_get_module_id (credential)));
  if (acr_credential_get_curriculum_id (credential) > 0)
    ROW (_("Curriculum"), g_strdup_printf ("%lld",
                                           (long long) acr_credential_get_curriculum_id (credential)));
  if (acr_credential_get_assessment_id (credential) > 0)
    ROW (_("Assessment"), g_strdup_printf ("%lld",
                                           (long long) acr_credential_get_assessment_id (credential)));
  ROW (_("Issued"), g_strdup (acr_credential_get_issued_at (credential)));
  ROW (_("Valid until"), g_strdup (acr_credential_get_valid_until (credential) != NULL
                                   ? acr_credential_get_valid_until (credential)
                                   : _("without limit")));
  ROW (_("Status"), g_strdup (status));
  ROW (_("Revoked"), g_strdup (acr_credential_get_revoked_at (credential)));
  ROW (_("Reason"), g_strdup (acr_credential_get_revocation_reason (credential)));
  ROW (_("SHA-256"), g_strdup (acr_credential_get_sha256 (credential)));
  ROW (_("Signer"), g_strdup (acr_credential_get_signer_fingerprint (credential)));

#undef ROW

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      int pad = (int) (width - g_utf8_strlen (row[0], -1));

      g_print ("%s:%*s %s\n", row[0], pad, "", row[1]);
    }

  return ACR_CLI_EXIT_OK;
}

static int
credential_export (AcrCliContext  *ctx,
                   int             argc,
                   char          **argv,
                   GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autofree char *output = NULL;
  g_autofree char *sha = NULL;
  GBytes *document;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (default: standard output)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "credential", "export", _("ID|UUID"),
                               N_("Writes the signed credential document exactly as it was "
                                  "issued, for the learner or for verification."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) ||
      !(store = acr_cli_context_get_store (ctx, error)) ||
      !(credential = load_credential (store, argv[1], error)))
    return ACR_CLI_EXIT_ERROR;

  document = acr_credential_get_document (credential);
  g_assert (document != NULL);

  /* What leaves the database is what was signed, or nothing. */
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, document);
  if (g_strcmp0 (sha, acr_credential_get_sha256 (credential)) != 0)
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("The stored document of credential %lld does not match its SHA-256: the "
                     "database was changed outside Accredit. Nothing was exported."),
                   (long long) acr_credential_get_id (credential));
      return ACR_CLI_EXIT_ERROR;
    }

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (g_bytes_get_data (document, NULL), 1, g_bytes_get_size (document), stdout)
          != g_bytes_get_size (document) || fflush (stdout) != 0)
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("Could not write the credential to standard output."));
          return ACR_CLI_EXIT_ERROR;
        }
      return ACR_CLI_EXIT_OK;
    }

  if (!g_file_set_contents (output, g_bytes_get_data (document, NULL),
                            (gssize) g_bytes_get_size (document), error))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, output);
      json_builder_set_member_name (builder, "uuid");
      json_builder_add_string_value (builder, acr_credential_get_uuid (credential));
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, sha);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      g_print (_("Wrote the credential %s to “%s”."), acr_credential_get_uuid (credential),
               output);
      g_print ("\n");
    }

  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb credential_verbs[] = {
  { "list", N_("Lists the credentials issued (--search, --status, --module, --learner)"),
    credential_list },
  { "show", N_("Shows a credential"), credential_show },
  { "export", N_("Writes the signed document exactly as issued (-o FILE)"), credential_export },
  { NULL }
};

const AcrCliGroup acr_cli_group_credential = {
  "credential", NULL, N_("Issued credentials: list, show, export"), credential_verbs, NULL
};
