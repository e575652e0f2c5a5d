/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Verification of credential documents (DESIGN.md, "Signing and verification").
 *
 * The checks, in order, each with a translated reason:
 *  - "structure": the bytes parse as untrusted XML (no DOCTYPE or entities, size and depth
 *    limits; a truncated file fails here), the root is a credential of our namespace and the
 *    document is valid against credential.xsd; then the signature's own structure checks
 *    (acr_xmldsig_verify: exactly one Signature, last child of the root, …);
 *  - "algorithms", "digest", "signature": acr_xmldsig_verify. Verification stops at the first
 *    of these that fails, and nothing of such a document is read or shown;
 *  - "trust": the certificate chain of KeyInfo leads to a certificate trusted in the store
 *    (see _acr_trust_check_chain), compared by fingerprint and verified with GnuTLS;
 *  - "validity": every certificate of the chain was valid at the issue date the document
 *    states, and that date is not in the future;
 *  - "expiry": validUntil, if stated, is not before @now;
 *  - "revocation": the credential's id is not on the given revocation list (used only when
 *    the list speaks for this issuer, see acr_revocation_list_covers) and not revoked in
 *    the store, when the store issued it with the same signer certificate.
 * Once the signature verified, the document's content is read with
 * acr_credential_info_new_from_document from the verified tree and all later checks are
 * made, so the verdict lists every problem. The verdict: any failure of the first group or
 * of "validity" makes it INVALID, else a failed "trust" UNTRUSTED, else REVOKED, else
 * EXPIRED. */

#define G_LOG_DOMAIN "acr-verify"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "acr-identity-store-private.h"
#include "acr-store-private.h"
#include "acr-verify.h"
#include "acr-xml.h"

/* How far a stated issue date may lie ahead of the verifier's clock. */
#define CLOCK_SKEW_SECONDS 300

typedef struct
{
  char     *id;
  char     *reason;
  gboolean  passed;
} Check;

struct _AcrVerification
{
  GObject                parent_instance;

  char                  *display_name;
  GArray                *checks;          /* of Check */
  AcrVerificationStatus  status;
  AcrCredentialInfo     *info;
  char                  *signer_fingerprint;
  char                  *signer_name;
  AcrSignatureAlgorithm  algorithm;
};

enum {
  PROP_0,
  PROP_STATUS,
  PROP_DISPLAY_NAME,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrVerification, acr_verification, G_TYPE_OBJECT)

static const GEnumValue status_values[] = {
  { ACR_VERIFICATION_STATUS_VALID, "ACR_VERIFICATION_STATUS_VALID", "valid" },
  { ACR_VERIFICATION_STATUS_INVALID, "ACR_VERIFICATION_STATUS_INVALID", "invalid" },
  { ACR_VERIFICATION_STATUS_REVOKED, "ACR_VERIFICATION_STATUS_REVOKED", "revoked" },
  { ACR_VERIFICATION_STATUS_EXPIRED, "ACR_VERIFICATION_STATUS_EXPIRED", "expired" },
  { ACR_VERIFICATION_STATUS_UNTRUSTED, "ACR_VERIFICATION_STATUS_UNTRUSTED", "untrusted" },
  { 0, NULL, NULL }
};

GType
acr_verification_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    {
      GType type = g_enum_register_static (g_intern_static_string ("AcrVerificationStatus"),
                                           status_values);

      g_once_init_leave (&type_id, type);
    }
  return type_id;
}

static void
check_clear (gpointer data)
{
  Check *check = data;

  g_free (check->id);
  g_free (check->reason);
}

static void
add_check (AcrVerification *self,
           const char      *id,
           gboolean         passed,
           const char      *reason)
{
  Check check = { g_strdup (id), g_strdup (reason), passed };

  g_array_append_val (self->checks, check);
}

static gboolean
check_failed (AcrVerification *self,
              const char      *id)
{
  gboolean passed = TRUE;

  return acr_verification_lookup_check (self, id, &passed, NULL) && !passed;
}

static void
decide_status (AcrVerification *self)
{
  static const char * const invalid[] = {
    ACR_XMLDSIG_CHECK_STRUCTURE, ACR_XMLDSIG_CHECK_ALGORITHMS, ACR_XMLDSIG_CHECK_DIGEST,
    ACR_XMLDSIG_CHECK_SIGNATURE, ACR_VERIFY_CHECK_VALIDITY, "content"
  };

  self->status = ACR_VERIFICATION_STATUS_VALID;
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    if (check_failed (self, invalid[i]))
      {
        self->status = ACR_VERIFICATION_STATUS_INVALID;
        return;
      }
  if (check_failed (self, ACR_VERIFY_CHECK_TRUST))
    self->status = ACR_VERIFICATION_STATUS_UNTRUSTED;
  else if (check_failed (self, ACR_VERIFY_CHECK_REVOCATION))
    self->status = ACR_VERIFICATION_STATUS_REVOKED;
  else if (check_failed (self, ACR_VERIFY_CHECK_EXPIRY))
    self->status = ACR_VERIFICATION_STATUS_EXPIRED;

  /* A verdict without any check would be a bug, never "valid". */
  if (self->checks->len == 0)
    self->status = ACR_VERIFICATION_STATUS_INVALID;
}

static void
acr_verification_finalize (GObject *object)
{
  AcrVerification *self = ACR_VERIFICATION (object);

  g_free (self->display_name);
  g_array_unref (self->checks);
  g_clear_pointer (&self->info, acr_credential_info_free);
  g_free (self->signer_fingerprint);
  g_free (self->signer_name);

  G_OBJECT_CLASS (acr_verification_parent_class)->finalize (object);
}

static void
acr_verification_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AcrVerification *self = ACR_VERIFICATION (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, acr_verification_get_summary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_verification_class_init (AcrVerificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_verification_finalize;
  object_class->get_property = acr_verification_get_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, ACR_TYPE_VERIFICATION_STATUS,
                       ACR_VERIFICATION_STATUS_INVALID,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_verification_init (AcrVerification *self)
{
  self->checks = g_array_new (FALSE, TRUE, sizeof (Check));
  g_array_set_clear_func (self->checks, check_clear);
  self->status = ACR_VERIFICATION_STATUS_INVALID;
}

/* The checks after the signature */

static void
check_trust (AcrVerification   *self,
             AcrStore          *store,
             gnutls_x509_crt_t *chain,
             guint              n_chain)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *reason = NULL;
  gboolean trusted = FALSE;

  if (!_acr_trust_check_chain (store, chain, n_chain, &trusted, &anchor, &reason, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The trusted certificates could not be "
                                                    "read: %s"), error->message);

      add_check (self, ACR_VERIFY_CHECK_TRUST, FALSE, message);
      return;
    }
  add_check (self, ACR_VERIFY_CHECK_TRUST, trusted, reason);
}

static void
check_validity (AcrVerification   *self,
                gnutls_x509_crt_t *chain,
                guint              n_chain,
                GDateTime         *now)
{
  g_autoptr(GDateTime) issued = NULL;
  g_autofree char *signer = NULL;
  gint64 at;

  if (self->info->issued != NULL)
    issued = g_date_time_new_from_iso8601 (self->info->issued, NULL);
  if (issued == NULL)
    {
      add_check (self, ACR_VERIFY_CHECK_VALIDITY, FALSE,
                 _("The credential states no readable date of issue."));
      return;
    }

  at = g_date_time_to_unix (issued);
  if (at > g_date_time_to_unix (now) + CLOCK_SKEW_SECONDS)
    {
      g_autofree char *message =
        g_strdup_printf (_("The credential claims to be issued on %s, which is in the "
                           "future."), self->info->issued);

      add_check (self, ACR_VERIFY_CHECK_VALIDITY, FALSE, message);
      return;
    }

  for (guint i = 0; i < n_chain; i++)
    {
      gint64 from = gnutls_x509_crt_get_activation_time (chain[i]);
      gint64 to = gnutls_x509_crt_get_expiration_time (chain[i]);

      if (at < from || at > to)
        {
          g_autofree char *name = _acr_certificate_name (chain[i]);
          g_autofree char *from_text = _acr_format_unix_time (from);
          g_autofree char *to_text = _acr_format_unix_time (to);
          g_autofree char *message =
            g_strdup_printf (_("The credential was issued on %s, but the certificate “%s” "
                               "was valid only from %s to %s."), self->info->issued, name,
                             from_text, to_text);

          add_check (self, ACR_VERIFY_CHECK_VALIDITY, FALSE, message);
          return;
        }
    }

  signer = _acr_certificate_name (chain[0]);
  {
    g_autofree char *message =
      g_strdup_printf (_("The signer’s certificate “%s” was valid when the credential was "
                         "issued, on %s."), signer, self->info->issued);

    add_check (self, ACR_VERIFY_CHECK_VALIDITY, TRUE, message);
  }
}

static void
check_expiry (AcrVerification *self,
              GDateTime       *now)
{
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *message = NULL;
  gboolean passed;

  if (self->info->valid_until == NULL)
    {
      add_check (self, ACR_VERIFY_CHECK_EXPIRY, TRUE,
                 _("The credential is valid without time limit."));
      return;
    }

  until = g_date_time_new_from_iso8601 (self->info->valid_until, NULL);
  if (until == NULL)
    {
      add_check (self, ACR_VERIFY_CHECK_EXPIRY, FALSE,
                 _("The credential’s end of validity cannot be read."));
      return;
    }

  passed = g_date_time_compare (now, until) <= 0;
  if (passed)
    message = g_strdup_printf (_("The credential is valid until %s."), self->info->valid_until);
  else
    message = g_strdup_printf (_("The credential expired on %s."), self->info->valid_until);
  add_check (self, ACR_VERIFY_CHECK_EXPIRY, passed, message);
}

static void
check_revocation (AcrVerification   *self,
                  AcrStore          *store,
                  AcrRevocationList *list,
                  gnutls_x509_crt_t  signer)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GString *passed_reason = g_string_new (NULL);
  const char *id = self->info->id;
  gboolean ours = FALSE;
  int rc;

  if (id == NULL)
    {
      g_string_free (passed_reason, TRUE);
      add_check (self, ACR_VERIFY_CHECK_REVOCATION, FALSE,
                 _("The credential states no identifier, so its revocation cannot be "
                   "checked."));
      return;
    }

  /* The list given, when it speaks for this issuer. */
  if (list != NULL)
    {
      const char *revoked_at = NULL, *reason = NULL;
      gint64 sequence = acr_revocation_list_get_sequence (list);

      if (!acr_revocation_list_covers (list, signer))
        g_string_append_printf (passed_reason,
                                _("The revocation list given is of another issuer (“%s”) "
                                  "and was not used."),
                                acr_revocation_list_get_issuer_name (list));
      else if (acr_revocation_list_lookup (list, id, &revoked_at, &reason))
        {
          g_autofree char *message =
            g_strdup_printf (_("The issuer revoked the credential on %s (revocation list "
                               "%lld): %s"), revoked_at, (long long) sequence, reason);

          g_string_free (passed_reason, TRUE);
          add_check (self, ACR_VERIFY_CHECK_REVOCATION, FALSE, message);
          return;
        }
      else
        g_string_append_printf (passed_reason,
                                _("The credential is not on revocation list %lld of “%s”, "
                                  "issued %s."), (long long) sequence,
                                acr_revocation_list_get_issuer_name (list),
                                acr_revocation_list_get_issued (list));
    }

  /* The store, when it issued this credential with this signer. */
  stmt = _acr_store_prepare (store,
                             "SELECT status, revoked_at, revocation_reason FROM credential "
                             "WHERE uuid = ?1 AND signer_fingerprint = ?2", &error);
  if (stmt != NULL)
    {
      _acr_bind_text (stmt, 1, id);
      _acr_bind_text (stmt, 2, self->signer_fingerprint);
      rc = _acr_store_step (store, stmt, &error);
    }
  else
    rc = -1;

  if (rc < 0)
    {
      g_autofree char *message = g_strdup_printf (_("The issued credentials could not be "
                                                    "read: %s"), error->message);

      g_string_free (passed_reason, TRUE);
      add_check (self, ACR_VERIFY_CHECK_REVOCATION, FALSE, message);
      return;
    }

  if (rc == SQLITE_ROW)
    {
      ours = TRUE;
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "revoked") == 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("The credential was revoked here on %s: %s"),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2));

          g_string_free (passed_reason, TRUE);
          add_check (self, ACR_VERIFY_CHECK_REVOCATION, FALSE, message);
          return;
        }
    }

  if (passed_reason->len > 0)
    g_string_append_c (passed_reason, ' ');
  if (ours)
    g_string_append (passed_reason, _("It was issued here and is not revoked."));
  else if (list == NULL)
    g_string_append (passed_reason, _("It was not issued here and no revocation list was "
                                      "given, so its revocation was not checked."));
  add_check (self, ACR_VERIFY_CHECK_REVOCATION, TRUE, g_strstrip (passed_reason->str));
  g_string_free (passed_reason, TRUE);
}

/* Public API */

AcrVerification *
acr_verify_document (AcrStore           *store,
                     const char         *data,
                     gsize               len,
                     const char         *display_name,
                     AcrRevocationList  *list,
                     GDateTime          *now)
{
  g_autoptr(AcrVerification) self = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(AcrXmldsigResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now_ref = NULL;
  gnutls_x509_crt_t *chain;
  guint n_chain = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (list == NULL || ACR_IS_REVOCATION_LIST (list), NULL);

  self = g_object_new (ACR_TYPE_VERIFICATION, NULL);
  self->display_name = g_strdup (display_name != NULL ? display_name : _("credential"));
  now_ref = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();

  /* Structure: well-formed, safe, a credential, valid against the schema. */
  doc = acr_xml_parse_untrusted (data != NULL ? data : "", len, self->display_name, &error);
  if (doc == NULL
      || !acr_xml_check_root (doc, ACR_CREDENTIAL_NS, "credential", self->display_name, &error)
      || !acr_xml_validate (doc, "credential", self->display_name, &error))
    {
      add_check (self, ACR_XMLDSIG_CHECK_STRUCTURE, FALSE, error->message);
      decide_status (self);
      return g_steal_pointer (&self);
    }

  /* The signature. */
  result = acr_xmldsig_verify (doc);
  self->algorithm = acr_xmldsig_result_get_algorithm (result);
  for (guint i = 0; i < acr_xmldsig_result_get_n_checks (result); i++)
    add_check (self, acr_xmldsig_result_get_check_id (result, i),
               acr_xmldsig_result_get_check_passed (result, i),
               acr_xmldsig_result_get_check_reason (result, i));
  chain = acr_xmldsig_result_get_chain (result, &n_chain);
  if (!acr_xmldsig_result_get_valid (result) || n_chain == 0)
    {
      decide_status (self);
      return g_steal_pointer (&self);
    }

  acr_xmldsig_certificate_fingerprint (chain[0], &self->signer_fingerprint);
  self->signer_name = _acr_certificate_name (chain[0]);

  /* From here on, everything is read from the verified tree. */
  self->info = acr_credential_info_new_from_document (doc, &error);
  if (self->info == NULL)
    {
      add_check (self, "content", FALSE, error->message);
      decide_status (self);
      return g_steal_pointer (&self);
    }

  check_trust (self, store, chain, n_chain);
  check_validity (self, chain, n_chain, now_ref);
  check_expiry (self, now_ref);
  check_revocation (self, store, list, chain[0]);

  decide_status (self);
  return g_steal_pointer (&self);
}

AcrVerificationStatus
acr_verification_get_status (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), ACR_VERIFICATION_STATUS_INVALID);
  return self->status;
}

gboolean
acr_verification_is_valid (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), FALSE);
  return self->status == ACR_VERIFICATION_STATUS_VALID;
}

const char *
acr_verification_get_display_name (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);
  return self->display_name;
}

const char *
acr_verification_get_summary (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);

  switch (self->status)
    {
    case ACR_VERIFICATION_STATUS_VALID:
      return _("The credential is valid: authentic, from a trusted issuer, neither expired "
               "nor revoked.");
    case ACR_VERIFICATION_STATUS_REVOKED:
      return _("The credential was revoked by its issuer.");
    case ACR_VERIFICATION_STATUS_EXPIRED:
      return _("The credential is authentic but has expired.");
    case ACR_VERIFICATION_STATUS_UNTRUSTED:
      return _("The credential is intact, but its issuer is not trusted here.");
    case ACR_VERIFICATION_STATUS_INVALID:
    default:
      return _("The credential is not valid: it is damaged, forged or signed in a way "
               "Accredit does not accept.");
    }
}

guint
acr_verification_get_n_checks (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), 0);
  return self->checks->len;
}

const char *
acr_verification_get_check_id (AcrVerification *self,
                               guint            index)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);
  g_return_val_if_fail (index < self->checks->len, NULL);
  return g_array_index (self->checks, Check, index).id;
}

gboolean
acr_verification_get_check_passed (AcrVerification *self,
                                   guint            index)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), FALSE);
  g_return_val_if_fail (index < self->checks->len, FALSE);
  return g_array_index (self->checks, Check, index).passed;
}

const char *
acr_verification_get_check_reason (AcrVerification *self,
                                   guint            index)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);
  g_return_val_if_fail (index < self->checks->len, NULL);
  return g_array_index (self->checks, Check, index).reason;
}

gboolean
acr_verification_lookup_check (AcrVerification  *self,
                               const char       *id,
                               gboolean         *passed,
                               const char      **reason)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  /* The last check of that id counts. */
  for (guint i = self->checks->len; i > 0; i--)
    {
      Check *check = &g_array_index (self->checks, Check, i - 1);

      if (g_str_equal (check->id, id))
        {
          if (passed != NULL)
            *passed = check->passed;
          if (reason != NULL)
            *reason = check->reason;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
acr_verification_get_failed_check (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (!g_array_index (self->checks, Check, i).passed)
      return g_array_index (self->checks, Check, i).id;
  return NULL;
}

const AcrCredentialInfo *
acr_verification_get_info (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);
  return self->info;
}

const char *
acr_verification_get_signer_fingerprint (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);
  return self->signer_fingerprint;
}

const char *
acr_verification_get_signer_name (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), NULL);
  return self->signer_name;
}

AcrSignatureAlgorithm
acr_verification_get_algorithm (AcrVerification *self)
{
  g_return_val_if_fail (ACR_IS_VERIFICATION (self), ACR_SIGNATURE_ALGORITHM_UNKNOWN);
  return self->algorithm;
}
