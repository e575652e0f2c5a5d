/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli verify, revoke, revocation-list and audit: checking credentials and the log.
 *
 * "verify" and "audit verify" are verdicts: they exit with 0 when everything is valid or
 * intact, 1 when a credential is invalid, revoked, expired or untrusted or the log is
 * broken, and 2 for usage errors and files that cannot be read (the other files are still
 * verified and reported). Everything shown about a credential comes from the verified
 * document (acr_verify_document), never from a document whose signature failed. */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "acr-audit.h"
#include "acr-cli-object.h"
#include "acr-credential.h"
#include "acr-identity-store.h"
#include "acr-revocation-list.h"
#include "acr-verify.h"
#include "acr-xml.h"

static const AcrCliColumn audit_columns[] = {
  { "id", N_("No.") },
  { "at", N_("Time") },
  { "actor", N_("Actor") },
  { "action", N_("Action") },
  { "object-type", N_("Object") },
  { "object-id", N_("Object no.") },
  { "summary", N_("Summary") },
  { NULL }
};

static const char *
check_label (const char *id)
{
  static const struct {
    const char *id;
    const char *label;
  } labels[] = {
    { "structure", N_("Structure") },
    { "algorithms", N_("Algorithms") },
    { "digest", N_("Digest") },
    { "signature", N_("Signature") },
    { "trust", N_("Trust") },
    { "validity", N_("Certificate validity") },
    { "expiry", N_("Expiry") },
    { "revocation", N_("Revocation") },
    { "content", N_("Content") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].id, id))
      return _(labels[i].label);
  return id;
}

static const char *
status_nick (AcrVerificationStatus status)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ACR_TYPE_VERIFICATION_STATUS);
  GEnumValue *value = g_enum_get_value (klass, status);

  return value != NULL ? value->value_nick : "invalid";
}

static const char *
status_label (AcrVerificationStatus status)
{
  switch (status)
    {
    case ACR_VERIFICATION_STATUS_VALID:
      return _("valid");
    case ACR_VERIFICATION_STATUS_REVOKED:
      return _("revoked");
    case ACR_VERIFICATION_STATUS_EXPIRED:
      return _("expired");
    case ACR_VERIFICATION_STATUS_UNTRUSTED:
      return _("untrusted");
    case ACR_VERIFICATION_STATUS_INVALID:
    default:
      return _("invalid");
    }
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
verification_to_json (AcrVerification *v)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const AcrCredentialInfo *info = acr_verification_get_info (v);

  json_builder_begin_object (builder);
  add_string_member (builder, "file", acr_verification_get_display_name (v));
  add_string_member (builder, "status", status_nick (acr_verification_get_status (v)));
  json_builder_set_member_name (builder, "valid");
  json_builder_add_boolean_value (builder, acr_verification_is_valid (v));
  add_string_member (builder, "summary", acr_verification_get_summary (v));
  add_string_member (builder, "failed-check", acr_verification_get_failed_check (v));
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < acr_verification_get_n_checks (v); i++)
    {
      json_builder_begin_object (builder);
      add_string_member (builder, "id", acr_verification_get_check_id (v, i));
      json_builder_set_member_name (builder, "passed");
      json_builder_add_boolean_value (builder, acr_verification_get_check_passed (v, i));
      add_string_member (builder, "reason", acr_verification_get_check_reason (v, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_string_member (builder, "signer-fingerprint", acr_verification_get_signer_fingerprint (v));
  json_builder_set_member_name (builder, "credential");
  if (info != NULL)
    {
      json_builder_begin_object (builder);
      add_string_member (builder, "id", info->id);
      add_string_member (builder, "learner", info->learner_name);
      add_string_member (builder, "title", info->title);
      add_string_member (builder, "module-code", info->module_code);
      json_builder_set_member_name (builder, "module-version");
      json_builder_add_int_value (builder, info->module_version);
      add_string_member (builder, "issuer", info->issuer_name);
      add_string_member (builder, "issuer-country", info->issuer_country);
      add_string_member (builder, "issued", info->issued);
      add_string_member (builder, "valid-until", info->valid_until);
      json_builder_set_member_name (builder, "eqf-level");
      if (info->eqf_level > 0)
        json_builder_add_int_value (builder, info->eqf_level);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
print_verification (AcrVerification *v)
{
  const AcrCredentialInfo *info = acr_verification_get_info (v);
  guint width = 0;

  /* Translators: "credential.xml: valid — The credential is valid: …" */
  g_print (_("%s: %s — %s"), acr_verification_get_display_name (v),
           status_label (acr_verification_get_status (v)), acr_verification_get_summary (v));
  g_print ("\n");

  for (guint i = 0; i < acr_verification_get_n_checks (v); i++)
    width = MAX (width, g_utf8_strlen (check_label (acr_verification_get_check_id (v, i)), -1));
  for (guint i = 0; i < acr_verification_get_n_checks (v); i++)
    {
      const char *label = check_label (acr_verification_get_check_id (v, i));
      int pad = (int) width - (int) g_utf8_strlen (label, -1);

      g_print ("  %s %s%*s  %s\n", acr_verification_get_check_passed (v, i) ? "✓" : "✗", label,
               MAX (pad, 0), "", acr_verification_get_check_reason (v, i));
    }

  if (info != NULL)
    {
      if (info->learner_name != NULL)
        g_print ("  %s: %s\n", _("Learner"), info->learner_name);
      if (info->title != NULL)
        g_print ("  %s: %s (%s, %s %d)\n", _("Micro-credential"), info->title,
                 info->module_code != NULL ? info->module_code : "?", _("version"),
                 info->module_version);
      if (info->issuer_name != NULL)
        g_print ("  %s: %s\n", _("Issuer"), info->issuer_name);
      if (info->issued != NULL)
        g_print ("  %s: %s\n", _("Issued"), info->issued);
      g_print ("  %s: %s\n", _("Valid until"),
               info->valid_until != NULL ? info->valid_until : _("without limit"));
      g_print ("  %s: %s\n", _("Identifier"), info->id != NULL ? info->id : "?");
    }
}

static int
run_verify (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrRevocationList) list = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *list_path = NULL;
  gboolean all_valid = TRUE;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "revocation-list", 0, 0, G_OPTION_ARG_FILENAME, &list_path,
      N_("Also check the credentials against this signed revocation list of their issuer"),
      N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "verify", NULL, _("FILE…"),
                               N_("Verifies signed credentials: structure, signature, trust "
                                  "in the issuer, validity, expiry and revocation. Exits with "
                                  "0 when all are valid, 1 when one is not."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, -1, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (list_path != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *data = NULL;
      gsize len = 0;

      if (!g_file_get_contents (list_path, &data, &len, &local_error))
        {
          g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                       _("The revocation list could not be read: %s"), local_error->message);
          return ACR_CLI_EXIT_ERROR;
        }
      list = acr_revocation_list_load (store, data, len, list_path, error);
      if (list == NULL)
        return ACR_CLI_EXIT_ERROR;
    }

  if (ctx->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(AcrVerification) v = NULL;
      g_autofree char *data = NULL;
      gsize len = 0;
      GStatBuf st;

      if (g_stat (argv[i], &st) == 0 && st.st_size > ACR_XML_MAX_SIZE)
        g_set_error (&local_error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("it is larger than %d MiB"), ACR_XML_MAX_SIZE / (1024 * 1024));
      else
        g_file_get_contents (argv[i], &data, &len, &local_error);

      if (local_error != NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” could not be read: %s"), argv[i],
                                                      local_error->message);

          if (io_error == NULL)
            io_error = g_error_new_literal (ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE, message);
          else
            acr_cli_print_error (message);
          continue;
        }

      v = acr_verify_document (store, data, len, argv[i], list, NULL);
      if (!acr_verification_is_valid (v))
        all_valid = FALSE;

      if (ctx->json)
        json_builder_add_value (builder, verification_to_json (v));
      else
        {
          if (i > 1)
            g_print ("\n");
          print_verification (v);
        }
    }

  if (ctx->json)
    {
      json_builder_end_array (builder);
      acr_cli_print_json (json_builder_get_root (builder));
    }

  if (io_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&io_error));
      return ACR_CLI_EXIT_ERROR;
    }
  return all_valid ? ACR_CLI_EXIT_OK : ACR_CLI_EXIT_INVALID;
}

const AcrCliGroup acr_cli_group_verify = {
  "verify", NULL, N_("Verifies signed credentials (exit 1 when one is not valid)"), NULL,
  run_verify
};

/* revoke */

static int
run_revoke (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autofree char *reason = NULL;
  gint64 id = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why the credential is revoked (published in the revocation list)"), N_("TEXT") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "revoke", NULL, _("CREDENTIAL"),
                               N_("Revokes an issued credential, given by its number or its "
                                  "id (urn:uuid:…). A revoked credential stays revoked."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (reason == NULL || g_strstrip (reason)[0] == '\0')
    {
      acr_cli_set_usage_error (error, _("Say why the credential is revoked with --reason TEXT; "
                                        "the reason is published with the revocation."));
      return ACR_CLI_EXIT_ERROR;
    }

  if (g_ascii_string_to_signed (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    credential = acr_credential_load (store, id, error);
  else
    credential = acr_credential_load_by_uuid (store, argv[1], error);
  if (credential == NULL)
    return ACR_CLI_EXIT_ERROR;

  id = acr_credential_get_id (credential);
  if (!acr_credential_revoke (store, id, reason, error))
    return ACR_CLI_EXIT_ERROR;

  g_clear_object (&credential);
  if ((credential = acr_credential_load (store, id, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    acr_cli_print_object (ctx, G_OBJECT (credential));
  else
    {
      /* Translators: "Revoked the credential urn:uuid:… of Anna Muster (IT-SEC-01)." */
      g_print (_("Revoked the credential %s of %s (%s)."), acr_credential_get_uuid (credential),
               acr_credential_get_learner_name (credential) != NULL
               ? acr_credential_get_learner_name (credential) : "?",
               acr_credential_get_module_code (credential) != NULL
               ? acr_credential_get_module_code (credential) : "?");
      g_print ("\n");
    }
  return ACR_CLI_EXIT_OK;
}

const AcrCliGroup acr_cli_group_revoke = {
  "revoke", NULL, N_("Revokes an issued credential"), NULL, run_revoke
};

/* revocation-list */

static int
revocation_list_export (AcrCliContext  *ctx,
                        int             argc,
                        char          **argv,
                        GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *output = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *pin_file = NULL;
  char *passphrase = NULL;
  gint64 key_id = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "key", 0, 0, G_OPTION_ARG_STRING, &key,
      N_("The issuer key that signs the list (see “key list”)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the list to FILE (default: print it)"), N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the key's passphrase from the first line of FILE (default: ask)"), N_("FILE") },
    { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, &pin_file,
      N_("Read the token's PIN from the first line of FILE (default: ask)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "revocation-list", "export", NULL,
                               N_("Writes the signed list of the credentials the key's "
                                  "organisation revoked, to publish at the address its "
                                  "credentials name."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error))
    return ACR_CLI_EXIT_ERROR;
  if (key == NULL)
    {
      acr_cli_set_usage_error (error, _("Give the issuer key that signs the list with --key ID "
                                        "(see “key list”)."));
      return ACR_CLI_EXIT_ERROR;
    }
  if (!acr_cli_parse_id (key, &key_id, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL
      || (record = acr_identity_store_load (store, key_id, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (!acr_identity_record_get_is_pkcs11 (record))
    {
      passphrase = acr_cli_read_secret (passphrase_file, "passphrase-file",
                                        _("Passphrase of the key"), FALSE, error);
      if (passphrase == NULL)
        return ACR_CLI_EXIT_ERROR;
    }
  identity = acr_identity_store_open (store, key_id, passphrase, acr_cli_pin_func, pin_file,
                                      error);
  acr_cli_secret_free (passphrase);
  if (identity == NULL || (bytes = acr_revocation_list_export (store, identity, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (output == NULL || g_str_equal (output, "-"))
    {
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      return ACR_CLI_EXIT_OK;
    }

  if (!g_file_set_contents (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &local_error))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("“%s” could not be written: %s"), output, local_error->message);
      return ACR_CLI_EXIT_ERROR;
    }
  if (!ctx->json)
    {
      g_print (_("Wrote the revocation list to “%s”."), output);
      g_print ("\n");
    }
  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb revocation_list_verbs[] = {
  { "export", N_("Writes the signed revocation list for publishing"), revocation_list_export },
  { NULL }
};

const AcrCliGroup acr_cli_group_revocation_list = {
  "revocation-list", NULL, N_("The signed list of revoked credentials"),
  revocation_list_verbs, NULL
};

/* audit */

static int
audit_verify (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 n_checked = 0;
  gint64 first_bad = 0;
  gboolean intact;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "audit", "verify", NULL,
                               N_("Checks the hash chain of the audit log: exits with 1 when an "
                                  "entry was changed or removed, naming the first one."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  intact = acr_audit_verify (store, &n_checked, &first_bad, &local_error);
  if (!intact && local_error->domain != ACR_AUDIT_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return ACR_CLI_EXIT_ERROR;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "intact");
      json_builder_add_boolean_value (builder, intact);
      json_builder_set_member_name (builder, "checked");
      json_builder_add_int_value (builder, n_checked);
      json_builder_set_member_name (builder, "first-bad-entry");
      if (first_bad > 0)
        json_builder_add_int_value (builder, first_bad);
      else
        json_builder_add_null_value (builder);
      add_string_member (builder, "message", intact ? NULL : local_error->message);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
    }
  else if (intact)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE, "The audit log is intact: %lld entry checked.",
                            "The audit log is intact: %lld entries checked.",
                            (unsigned long) n_checked), (long long) n_checked);
      g_print ("\n");
    }
  else
    {
      /* Translators: the reason names the entry, e.g. "Entry 12 was changed …" */
      g_print (_("The audit log is broken: %s"), local_error->message);
      g_print ("\n");
    }

  return intact ? ACR_CLI_EXIT_OK : ACR_CLI_EXIT_INVALID;
}

static int
audit_list (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *object_type = NULL;
  g_autofree char *object = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *action = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  AcrAuditFilter filter = { NULL, };
  int limit = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "object-type", 0, 0, G_OPTION_ARG_STRING, &object_type,
      N_("Only entries about this kind of object (module, credential, signing_identity, …)"),
      N_("TYPE") },
    { "object", 0, 0, G_OPTION_ARG_STRING, &object,
      N_("Only entries about the object with this number"), N_("ID") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor,
      N_("Only entries by this person"), N_("NAME") },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action,
      N_("Only entries of this action (create, edit, issue, revoke, key-create, …)"),
      N_("ACTION") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since,
      N_("Only entries from this date or time on (2026-11-25)"), N_("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until,
      N_("Only entries up to this date or time, inclusive"), N_("DATE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N entries (default: all)"), N_("N") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "audit", "list", NULL,
                               N_("Lists the audit log, newest first."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || (object != NULL && !acr_cli_parse_id (object, &filter.object_id, error)))
    return ACR_CLI_EXIT_ERROR;
  if (limit < 0)
    {
      acr_cli_set_usage_error (error, _("--limit must be 0 or more, not %d."), limit);
      return ACR_CLI_EXIT_ERROR;
    }
  if ((since != NULL && !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T.*)?$", since, 0, 0))
      || (until != NULL
          && !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}(T.*)?$", until, 0, 0)))
    {
      acr_cli_set_usage_error (error, _("Give dates as YYYY-MM-DD (or a time as "
                                        "YYYY-MM-DDTHH:MM:SSZ), e.g. “2026-11-25”."));
      return ACR_CLI_EXIT_ERROR;
    }
  if ((store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  filter.object_type = object_type;
  filter.actor = actor;
  filter.action = action;
  filter.since = since;
  filter.until = until;
  list = acr_audit_list (store, &filter);
  acr_cli_print_list (ctx, G_LIST_MODEL (list), audit_columns, (guint) limit);
  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb audit_verbs[] = {
  { "verify", N_("Checks that no entry was changed or removed (exit 1 if so)"), audit_verify },
  { "list", N_("Lists the entries, newest first"), audit_list },
  { NULL }
};

const AcrCliGroup acr_cli_group_audit = {
  "audit", NULL, N_("The tamper-evident log of every change"), audit_verbs, NULL
};
