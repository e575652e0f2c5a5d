/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli key: issuer identities (a key and its certificate) and the issuer
 * certificates verification trusts. Passphrases and PINs are read from files named by
 * options, or asked on the terminal without echo (see acr-cli-secret.c); never from the
 * command line. Keys are kept encrypted in the key folder, the database holds certificates
 * and key locations only (see acr-identity-store.c). */

#define G_LOG_DOMAIN "accredit-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "acr-cli-object.h"
#include "acr-identity-store.h"

#define DEFAULT_VALIDITY_DAYS 1825

static const AcrCliColumn identity_columns[] = {
  { "id", N_("No.") },
  { "label", N_("Label") },
  { "key-type", N_("Type") },
  { "not-after", N_("Valid until") },
  { "retired-at", N_("Retired") },
  { "fingerprint", N_("Fingerprint") },
  { NULL }
};

static const AcrCliColumn request_columns[] = {
  { "request-id", N_("Request") },
  { "label", N_("Label") },
  { "key-type", N_("Type") },
  { "created-at", N_("Created") },
  { NULL }
};

static const AcrCliColumn trusted_columns[] = {
  { "id", N_("No.") },
  { "subject", N_("Subject") },
  { "not-after", N_("Valid until") },
  { "fingerprint", N_("Fingerprint") },
  { NULL }
};

static const char * const show_skip[] = { "certificate-pem", "request-pem", NULL };

static gboolean
parse_key_type (const char  *text,
                AcrKeyType  *type,
                GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ACR_TYPE_KEY_TYPE);
  GEnumValue *value = g_enum_get_value_by_nick (klass, text != NULL ? text : "ecdsa");

  if (value == NULL)
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("“%s” is not a key type for --type: use rsa, ecdsa or ed25519."), text);
      return FALSE;
    }
  *type = value->value;
  return TRUE;
}

static gboolean
parse_organisation (const char  *text,
                    gint64      *id,
                    GError     **error)
{
  if (text == NULL)
    {
      g_set_error_literal (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                           _("Give the organisation the key belongs to with --organisation ID "
                             "(see “organisation list”)."));
      return FALSE;
    }
  return acr_cli_parse_id (text, id, error);
}

static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *len,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, contents, len, &local_error))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE, _("“%s” could not be read: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Writes @text to @path, or to stdout when @path is NULL or "-". */
static gboolean
write_output (const char  *path,
              const char  *text,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (path == NULL || g_str_equal (path, "-"))
    {
      g_print ("%s", text);
      return TRUE;
    }
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, ACR_CLI_ERROR, ACR_CLI_ERROR_USAGE,
                   _("“%s” could not be written: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_record (AcrCliContext *ctx,
              GObject       *record)
{
  if (ctx->json)
    acr_cli_print_object (ctx, record);
  else
    acr_cli_print_fields (record, show_skip);
}

static gboolean
parse_one_id (AcrCliContext       *ctx,
              const char          *verb,
              const char          *summary,
              const GOptionEntry  *entries,
              int                  argc,
              char               **argv,
              gint64              *id,
              AcrStore           **store,
              GError             **error)
{
  g_autoptr(AcrCliParser) parser = acr_cli_parser_new (ctx, "key", verb, _("ID"), summary);

  if (entries != NULL)
    acr_cli_parser_add_entries (parser, entries);
  return acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error) &&
         acr_cli_parse_id (argv[1], id, error) &&
         (*store = acr_cli_context_get_store (ctx, error)) != NULL;
}

static int
key_create (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *common_name = NULL;
  g_autofree char *passphrase_file = NULL;
  char *passphrase = NULL;
  int days = DEFAULT_VALIDITY_DAYS;
  AcrKeyType type = ACR_KEY_TYPE_ECDSA;
  AcrStore *store;
  gint64 organisation_id = 0;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation that issues with the key"), N_("ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text,
      N_("rsa (3072 bit), ecdsa (P-256, the default) or ed25519"), N_("TYPE") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("A name for the key in lists (default: the common name)"), N_("TEXT") },
    { "common-name", 0, 0, G_OPTION_ARG_STRING, &common_name,
      N_("The certificate's common name (default: the organisation's name)"), N_("TEXT") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days,
      N_("How many days the certificate is valid (default: 1825)"), N_("N") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase that encrypts the key from the first line of FILE (default: "
         "ask)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "key", "create", NULL,
                               N_("Creates an issuer key with a self-signed certificate for an "
                                  "organisation, and trusts that certificate."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || !parse_organisation (organisation, &organisation_id, error)
      || !parse_key_type (type_text, &type, error))
    return ACR_CLI_EXIT_ERROR;
  if (days <= 0)
    {
      acr_cli_set_usage_error (error, _("--days must be a positive number of days, not %d."),
                               days);
      return ACR_CLI_EXIT_ERROR;
    }
  if ((store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  passphrase = acr_cli_read_secret (passphrase_file, "passphrase-file",
                                    _("Passphrase for the new key"), TRUE, error);
  if (passphrase == NULL)
    return ACR_CLI_EXIT_ERROR;
  record = acr_identity_store_create (store, organisation_id, type, label, common_name,
                                      (guint) days, passphrase, error);
  acr_cli_secret_free (passphrase);
  if (record == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (!ctx->json)
    {
      g_print (_("Created the issuer key %lld; its certificate is trusted for verification."),
               (long long) acr_identity_record_get_id (record));
      g_print ("\n");
    }
  print_record (ctx, G_OBJECT (record));
  return ACR_CLI_EXIT_OK;
}

static int
key_request (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrCertificateRequest) request = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *type_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *common_name = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *output = NULL;
  char *passphrase = NULL;
  AcrKeyType type = ACR_KEY_TYPE_ECDSA;
  AcrStore *store;
  gint64 organisation_id = 0;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation that issues with the key"), N_("ID") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &type_text,
      N_("rsa (3072 bit), ecdsa (P-256, the default) or ed25519"), N_("TYPE") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("A name for the key in lists (default: the common name)"), N_("TEXT") },
    { "common-name", 0, 0, G_OPTION_ARG_STRING, &common_name,
      N_("The certificate's common name (default: the organisation's name)"), N_("TEXT") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the passphrase that encrypts the key from the first line of FILE (default: "
         "ask)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the certificate request to FILE (default: print it)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "key", "request", NULL,
                               N_("Creates an issuer key and a certificate request (PKCS #10) "
                                  "to send to a certificate authority; attach its answer with "
                                  "“key import-certificate”."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || !parse_organisation (organisation, &organisation_id, error)
      || !parse_key_type (type_text, &type, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  passphrase = acr_cli_read_secret (passphrase_file, "passphrase-file",
                                    _("Passphrase for the new key"), TRUE, error);
  if (passphrase == NULL)
    return ACR_CLI_EXIT_ERROR;
  request = acr_identity_store_create_request (store, organisation_id, type, label, common_name,
                                               passphrase, error);
  acr_cli_secret_free (passphrase);
  if (request == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (output != NULL
      && !write_output (output, acr_certificate_request_get_request_pem (request), error))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      acr_cli_print_object (ctx, G_OBJECT (request));
      return ACR_CLI_EXIT_OK;
    }

  g_print (_("Created the certificate request %s. Send it to the certificate authority, then "
             "attach the certificate it returns with “accredit-cli key import-certificate %s "
             "FILE”."), acr_certificate_request_get_request_id (request),
           acr_certificate_request_get_request_id (request));
  g_print ("\n");
  if (output == NULL)
    g_print ("%s", acr_certificate_request_get_request_pem (request));
  return ACR_CLI_EXIT_OK;
}

static int
key_requests (AcrCliContext  *ctx,
              int             argc,
              char          **argv,
              GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(GListModel) requests = NULL;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "key", "requests", NULL,
                               N_("Lists the certificate requests waiting for a certificate."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL
      || (requests = acr_identity_store_list_requests (store, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  acr_cli_print_list (ctx, requests, request_columns, 0);
  return ACR_CLI_EXIT_OK;
}

static int
key_import_certificate (AcrCliContext  *ctx,
                        int             argc,
                        char          **argv,
                        GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *pem = NULL;
  char *passphrase = NULL;
  gsize len = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the key's passphrase from the first line of FILE (default: ask)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "key", "import-certificate", _("REQUEST FILE"),
                               N_("Attaches the certificate (PEM, with its chain) a certificate "
                                  "authority issued for a request of “key request”."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 2, 2, error)
      || !read_file (argv[2], &pem, &len, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  passphrase = acr_cli_read_secret (passphrase_file, "passphrase-file",
                                    _("Passphrase of the key"), FALSE, error);
  if (passphrase == NULL)
    return ACR_CLI_EXIT_ERROR;
  record = acr_identity_store_import_certificate (store, argv[1], pem, len, passphrase, error);
  acr_cli_secret_free (passphrase);
  if (record == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (!ctx->json)
    {
      g_print (_("The request %s is now the issuer key %lld."), argv[1],
               (long long) acr_identity_record_get_id (record));
      g_print ("\n");
    }
  print_record (ctx, G_OBJECT (record));
  return ACR_CLI_EXIT_OK;
}

static int
key_import_p12 (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *label = NULL;
  g_autofree char *password_file = NULL;
  g_autofree char *passphrase_file = NULL;
  char *password = NULL;
  char *passphrase = NULL;
  AcrStore *store;
  gint64 organisation_id = 0;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation that issues with the key"), N_("ID") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("A name for the key in lists (default: the common name)"), N_("TEXT") },
    { "p12-password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the PKCS #12 file's password from the first line of FILE (default: ask)"),
      N_("FILE") },
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the new passphrase that encrypts the key here from the first line of FILE "
         "(default: ask)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "key", "import-p12", _("FILE"),
                               N_("Imports a key and its certificate chain from a PKCS #12 "
                                  "(.p12, .pfx) file; the key is kept encrypted with a new "
                                  "passphrase."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error)
      || !parse_organisation (organisation, &organisation_id, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  password = acr_cli_read_secret (password_file, "p12-password-file",
                                  _("Password of the PKCS #12 file"), FALSE, error);
  if (password == NULL)
    return ACR_CLI_EXIT_ERROR;
  passphrase = acr_cli_read_secret (passphrase_file, "passphrase-file",
                                    _("New passphrase for the key"), TRUE, error);
  if (passphrase == NULL)
    {
      acr_cli_secret_free (password);
      return ACR_CLI_EXIT_ERROR;
    }
  record = acr_identity_store_import_pkcs12 (store, organisation_id, argv[1], password,
                                             passphrase, label, error);
  acr_cli_secret_free (password);
  acr_cli_secret_free (passphrase);
  if (record == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (!ctx->json)
    {
      g_print (_("Imported the issuer key %lld; its certificate is trusted for verification."),
               (long long) acr_identity_record_get_id (record));
      g_print ("\n");
    }
  print_record (ctx, G_OBJECT (record));
  return ACR_CLI_EXIT_OK;
}

static int
key_add_pkcs11 (AcrCliContext  *ctx,
                int             argc,
                char          **argv,
                GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *label = NULL;
  g_autofree char *certificate = NULL;
  g_autofree char *pin_file = NULL;
  g_autofree char *pem = NULL;
  AcrStore *store;
  gint64 organisation_id = 0;
  gsize len = 0;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The organisation that issues with the key"), N_("ID") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &label,
      N_("A name for the key in lists (default: the common name)"), N_("TEXT") },
    { "certificate", 0, 0, G_OPTION_ARG_FILENAME, &certificate,
      N_("The key's certificate chain (PEM), when the token holds none"), N_("FILE") },
    { "pin-file", 0, 0, G_OPTION_ARG_FILENAME, &pin_file,
      N_("Read the token's PIN from the first line of FILE (default: ask)"), N_("FILE") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "key", "add-pkcs11", _("URI"),
                               N_("Adds a key on a smart card or security module, given by its "
                                  "“pkcs11:” address; the PIN is asked whenever the key "
                                  "signs, never stored."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error)
      || !parse_organisation (organisation, &organisation_id, error)
      || (certificate != NULL && !read_file (certificate, &pem, &len, error))
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  record = acr_identity_store_add_pkcs11 (store, organisation_id, argv[1], label, pem,
                                          acr_cli_pin_func, pin_file, error);
  if (record == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (!ctx->json)
    {
      g_print (_("Added the issuer key %lld; its certificate is trusted for verification."),
               (long long) acr_identity_record_get_id (record));
      g_print ("\n");
    }
  print_record (ctx, G_OBJECT (record));
  return ACR_CLI_EXIT_OK;
}

static int
key_list (AcrCliContext  *ctx,
          int             argc,
          char          **argv,
          GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  g_autofree char *organisation = NULL;
  gint64 organisation_id = 0;
  AcrStore *store;
  const GOptionEntry entries[] = {
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("Only the keys of this organisation"), N_("ID") },
    { NULL }
  };

  parser = acr_cli_parser_new (ctx, "key", "list", NULL, N_("Lists the issuer keys."));
  acr_cli_parser_add_entries (parser, entries);
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || (organisation != NULL && !acr_cli_parse_id (organisation, &organisation_id, error))
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  list = acr_identity_store_list (store, organisation_id);
  acr_cli_print_list (ctx, G_LIST_MODEL (list), identity_columns, 0);
  return ACR_CLI_EXIT_OK;
}

static int
key_show (AcrCliContext  *ctx,
          int             argc,
          char          **argv,
          GError        **error)
{
  g_autoptr(AcrIdentityRecord) record = NULL;
  AcrStore *store = NULL;
  gint64 id = 0;

  if (!parse_one_id (ctx, "show", N_("Shows an issuer key: its certificate's subject, validity "
                                     "and fingerprint, and where the key is kept."), NULL,
                     argc, argv, &id, &store, error)
      || (record = acr_identity_store_load (store, id, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  print_record (ctx, G_OBJECT (record));
  return ACR_CLI_EXIT_OK;
}

static int
key_export_certificate (AcrCliContext  *ctx,
                        int             argc,
                        char          **argv,
                        GError        **error)
{
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autofree char *output = NULL;
  AcrStore *store = NULL;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the certificate to FILE (default: print it)"), N_("FILE") },
    { NULL }
  };

  if (!parse_one_id (ctx, "export-certificate",
                     N_("Prints the certificate chain (PEM) of an issuer key, for verifiers to "
                        "trust or for “xmlsec1 --trusted-pem”."), entries, argc, argv, &id,
                     &store, error)
      || (record = acr_identity_store_load (store, id, error)) == NULL
      || !write_output (output, acr_identity_record_get_certificate_pem (record), error))
    return ACR_CLI_EXIT_ERROR;

  return ACR_CLI_EXIT_OK;
}

static int
key_retire (AcrCliContext  *ctx,
            int             argc,
            char          **argv,
            GError        **error)
{
  AcrStore *store = NULL;
  gint64 id = 0;

  if (!parse_one_id (ctx, "retire", N_("Retires an issuer key: it issues no more credentials; "
                                       "those it signed stay valid."), NULL, argc, argv, &id,
                     &store, error)
      || !acr_identity_store_retire (store, id, error))
    return ACR_CLI_EXIT_ERROR;

  if (!ctx->json)
    {
      g_print (_("Retired the issuer key %lld."), (long long) id);
      g_print ("\n");
    }
  else
    {
      g_autoptr(AcrIdentityRecord) record = acr_identity_store_load (store, id, error);

      if (record == NULL)
        return ACR_CLI_EXIT_ERROR;
      acr_cli_print_object (ctx, G_OBJECT (record));
    }
  return ACR_CLI_EXIT_OK;
}

static int
key_trust (AcrCliContext  *ctx,
           int             argc,
           char          **argv,
           GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrTrustedCertificate) trusted = NULL;
  g_autofree char *data = NULL;
  gsize len = 0;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "key", "trust", _("FILE"),
                               N_("Trusts an issuer's certificate (PEM or DER, one "
                                  "certificate): credentials whose signer leads to it verify "
                                  "as trusted. Check its fingerprint with the issuer first."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error)
      || !read_file (argv[1], &data, &len, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL
      || (trusted = acr_trust_add (store, data, len, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  if (!ctx->json)
    {
      g_print (_("Trusted the certificate “%s”."),
               acr_trusted_certificate_get_subject (trusted));
      g_print ("\n");
    }
  print_record (ctx, G_OBJECT (trusted));
  return ACR_CLI_EXIT_OK;
}

static int
key_untrust (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "key", "untrust", _("FINGERPRINT"),
                               N_("Stops trusting the certificate with this SHA-256 "
                                  "fingerprint (as “key trusted” shows it)."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 1, 1, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL
      || !acr_trust_remove (store, argv[1], error))
    return ACR_CLI_EXIT_ERROR;

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "untrusted");
      json_builder_add_string_value (builder, argv[1]);
      json_builder_end_object (builder);
      acr_cli_print_json (json_builder_get_root (builder));
    }
  else
    {
      g_print (_("The certificate %s is no longer trusted."), argv[1]);
      g_print ("\n");
    }
  return ACR_CLI_EXIT_OK;
}

static int
key_trusted (AcrCliContext  *ctx,
             int             argc,
             char          **argv,
             GError        **error)
{
  g_autoptr(AcrCliParser) parser = NULL;
  g_autoptr(AcrPagedList) list = NULL;
  AcrStore *store;

  parser = acr_cli_parser_new (ctx, "key", "trusted", NULL,
                               N_("Lists the trusted issuer certificates."));
  if (!acr_cli_parser_parse (parser, &argc, &argv, 0, 0, error)
      || (store = acr_cli_context_get_store (ctx, error)) == NULL)
    return ACR_CLI_EXIT_ERROR;

  list = acr_trust_list (store);
  acr_cli_print_list (ctx, G_LIST_MODEL (list), trusted_columns, 0);
  return ACR_CLI_EXIT_OK;
}

static const AcrCliVerb key_verbs[] = {
  { "create", N_("Creates a key with a self-signed issuer certificate"), key_create },
  { "request", N_("Creates a key and a certificate request for a CA"), key_request },
  { "requests", N_("Lists the requests waiting for a certificate"), key_requests },
  { "import-certificate", N_("Attaches the CA's certificate to a request"),
    key_import_certificate },
  { "import-p12", N_("Imports a key and certificate from a PKCS #12 file"), key_import_p12 },
  { "add-pkcs11", N_("Adds a key on a smart card or HSM"), key_add_pkcs11 },
  { "list", N_("Lists the issuer keys"), key_list },
  { "show", N_("Shows an issuer key"), key_show },
  { "export-certificate", N_("Prints an issuer key's certificate chain"),
    key_export_certificate },
  { "retire", N_("Stops issuing with a key"), key_retire },
  { "trust", N_("Trusts an issuer certificate for verification"), key_trust },
  { "untrust", N_("Stops trusting an issuer certificate"), key_untrust },
  { "trusted", N_("Lists the trusted issuer certificates"), key_trusted },
  { NULL }
};

const AcrCliGroup acr_cli_group_key = {
  "key", NULL, N_("Issuer keys and certificates, and the certificates verification trusts"),
  key_verbs, NULL
};
