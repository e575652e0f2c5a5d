/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrRevocationList: the issuer's signed list of revoked credentials, like a CRL.
 *
 * Export builds the list of an organisation from the store (every revoked credential whose
 * signer certificate belongs to an issuer key of that organisation; for an identity without
 * organisation, those it signed itself), numbers it (one more than the lists exported for
 * that organisation before, counted in the append-only audit log inside the same
 * transaction, so numbers never repeat), signs it with the identity given and records
 * "export". The XML is indented by text nodes in the tree and serialised without
 * formatting, so the bytes returned are exactly those signed.
 *
 * Loading trusts nothing: the text is parsed as untrusted XML (no DOCTYPE), checked against
 * revocation-list.xsd, its signature verified strictly (acr_xmldsig_verify), its signer
 * chain must lead to a certificate trusted in the store, the signer certificate must have
 * been valid when the list was issued and must be the one the list names. Only then are the
 * entries read, from the verified tree. A list speaks only for its own issuer (see
 * acr_revocation_list_covers). */

#define G_LOG_DOMAIN "acr-revocation-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "acr-audit.h"
#include "acr-identity-store-private.h"
#include "acr-organisation.h"
#include "acr-revocation-list.h"
#include "acr-store-private.h"
#include "acr-xml.h"
#include "acr-xmldsig.h"

typedef struct
{
  char *credential_id;
  char *revoked_at;
  char *reason;
} Entry;

struct _AcrRevocationList
{
  GObject     parent_instance;

  char       *issuer_name;
  char       *issuer_country;
  char       *issued;
  gint64      sequence;
  char       *signer_fingerprint;
  char       *signer_organisation;   /* O= of the signer certificate, or NULL */
  char       *signer_country;        /* C= of the signer certificate, or NULL */
  GArray     *entries;               /* of Entry */
  GHashTable *index;                 /* credential id → Entry index + 1 */
};

G_DEFINE_FINAL_TYPE (AcrRevocationList, acr_revocation_list, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->credential_id);
  g_free (entry->revoked_at);
  g_free (entry->reason);
}

static void
acr_revocation_list_finalize (GObject *object)
{
  AcrRevocationList *self = ACR_REVOCATION_LIST (object);

  g_free (self->issuer_name);
  g_free (self->issuer_country);
  g_free (self->issued);
  g_free (self->signer_fingerprint);
  g_free (self->signer_organisation);
  g_free (self->signer_country);
  g_array_unref (self->entries);
  g_hash_table_unref (self->index);

  G_OBJECT_CLASS (acr_revocation_list_parent_class)->finalize (object);
}

static void
acr_revocation_list_class_init (AcrRevocationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = acr_revocation_list_finalize;
}

static void
acr_revocation_list_init (AcrRevocationList *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Helpers */

static char *
dn_field (gnutls_x509_crt_t  crt,
          const char        *oid)
{
  char buffer[512];
  size_t size = sizeof buffer;

  if (gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buffer, &size) < 0)
    return NULL;
  return g_strndup (buffer, size);
}

static xmlNode *
add_element (xmlNode    *parent,
             const char *name,
             const char *text)
{
  return xmlNewTextChild (parent, parent->ns, BAD_CAST name, BAD_CAST text);
}

/* White-space text nodes so the tree reads indented by two spaces; elements with text are
 * left alone. */
static void
indent_tree (xmlNode *node,
             int      depth)
{
  g_autofree char *inner = NULL;
  g_autofree char *outer = NULL;
  gboolean has_elements = FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        return;
      has_elements = TRUE;
    }
  if (!has_elements)
    return;

  inner = g_strnfill (2 * (depth + 1) + 1, ' ');
  inner[0] = '\n';
  outer = g_strnfill (2 * depth + 1, ' ');
  outer[0] = '\n';

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      xmlAddPrevSibling (child, xmlNewDocText (node->doc, BAD_CAST inner));
      indent_tree (child, depth + 1);
    }
  xmlAddChild (node, xmlNewDocText (node->doc, BAD_CAST outer));
}

/* The organisation and fingerprints an export covers. */
static gboolean
find_issuer (AcrStore            *store,
             AcrSigningIdentity  *identity,
             gint64              *organisation_id,
             char               **name,
             char               **country,
             GError             **error)
{
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *fingerprint = acr_signing_identity_get_fingerprint (identity);

  record = acr_identity_store_load_by_fingerprint (store, fingerprint, &local_error);
  if (record == NULL)
    {
      if (g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
        g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND,
                             _("A revocation list is signed with an issuer key of this "
                               "database; this key is not one of them."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  *organisation_id = acr_identity_record_get_organisation_id (record);
  if (*organisation_id > 0)
    {
      g_autoptr(AcrOrganisation) organisation = acr_organisation_load (store, *organisation_id,
                                                                       error);

      if (organisation == NULL)
        return FALSE;
      *name = g_strdup (acr_organisation_get_name (organisation));
      *country = g_strdup (acr_organisation_get_country (organisation));
    }
  else
    {
      *name = g_strdup (acr_signing_identity_get_organisation (identity));
      *country = g_strdup (acr_signing_identity_get_country (identity));
    }

  if (*name == NULL || *country == NULL)
    {
      g_set_error_literal (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                           _("The issuer of the revocation list has no name or country."));
      return FALSE;
    }
  return TRUE;
}

/* Public API */

GBytes *
acr_revocation_list_export (AcrStore            *store,
                            AcrSigningIdentity  *identity,
                            GError             **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) detail = NULL;
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  g_autofree char *sequence_text = NULL;
  g_autofree char *summary = NULL;
  const char *fingerprint;
  gnutls_x509_crt_t *chain;
  xmlChar *buffer = NULL;
  xmlNode *root, *issuer, *entries;
  GBytes *bytes;
  gint64 organisation_id = 0;
  gint64 sequence;
  guint n_chain = 0;
  guint n_entries = 0;
  int size = 0;
  int rc;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (ACR_IS_SIGNING_IDENTITY (identity), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chain = acr_signing_identity_get_chain (identity, &n_chain);
  fingerprint = acr_signing_identity_get_fingerprint (identity);
  if (n_chain == 0 || fingerprint == NULL)
    {
      g_set_error_literal (error, ACR_KEY_ERROR, ACR_KEY_ERROR_NOT_FOUND,
                           _("This key has no certificate yet, so it cannot sign a revocation "
                             "list."));
      return NULL;
    }

  if (!find_issuer (store, identity, &organisation_id, &name, &country, error))
    return NULL;

  if (!acr_store_begin (store, error))
    return NULL;

  count = _acr_store_prepare (store,
                              "SELECT count(*) FROM audit_log WHERE action = 'export' AND "
                              "object_type = 'revocation_list' AND object_id IS ?1", error);
  if (count == NULL)
    goto fail;
  _acr_bind_id (count, 1, organisation_id);
  if (_acr_store_step (store, count, error) != SQLITE_ROW)
    goto fail;
  sequence = sqlite3_column_int64 (count, 0) + 1;
  sequence_text = g_strdup_printf ("%" G_GINT64_FORMAT, sequence);

  doc = xmlNewDoc (BAD_CAST "1.0");
  root = xmlNewDocNode (doc, NULL, BAD_CAST "revocationList", NULL);
  xmlDocSetRootElement (doc, root);
  xmlSetNs (root, xmlNewNs (root, BAD_CAST ACR_REVOCATION_LIST_NS, NULL));

  issuer = add_element (root, "issuer", NULL);
  add_element (issuer, "name", name);
  add_element (issuer, "country", country);
  add_element (issuer, "certificate", fingerprint);
  add_element (root, "issued", now);
  add_element (root, "sequence", sequence_text);
  entries = add_element (root, "entries", NULL);

  if (organisation_id > 0)
    {
      stmt = _acr_store_prepare (store,
                                 "SELECT uuid, revoked_at, revocation_reason FROM credential "
                                 "WHERE status = 'revoked' AND signer_fingerprint IN "
                                 "(SELECT fingerprint FROM signing_identity "
                                 " WHERE organisation_id = ?1) "
                                 "ORDER BY revoked_at, uuid", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, organisation_id);
    }
  else
    {
      stmt = _acr_store_prepare (store,
                                 "SELECT uuid, revoked_at, revocation_reason FROM credential "
                                 "WHERE status = 'revoked' AND signer_fingerprint = ?1 "
                                 "ORDER BY revoked_at, uuid", error);
      if (stmt != NULL)
        _acr_bind_text (stmt, 1, fingerprint);
    }
  if (stmt == NULL)
    goto fail;

  while ((rc = _acr_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      xmlNode *entry = add_element (entries, "entry", NULL);

      xmlNewProp (entry, BAD_CAST "credential", sqlite3_column_text (stmt, 0));
      xmlNewProp (entry, BAD_CAST "revoked", sqlite3_column_text (stmt, 1));
      add_element (entry, "reason", (const char *) sqlite3_column_text (stmt, 2));
      n_entries++;
    }
  if (rc < 0)
    goto fail;

  indent_tree (root, 0);
  if (!acr_xmldsig_sign (doc, acr_signing_identity_get_privkey (identity), chain, n_chain,
                         error))
    goto fail;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sequence");
  json_builder_add_int_value (builder, sequence);
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, n_entries);
  json_builder_set_member_name (builder, "signer");
  json_builder_add_string_value (builder, fingerprint);
  json_builder_end_object (builder);
  detail = json_builder_get_root (builder);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported revocation list %lld of “%s” with %u "
                                          "revoked credential.",
                                          "Exported revocation list %lld of “%s” with %u "
                                          "revoked credentials.", n_entries),
                             (long long) sequence, name, n_entries);

  if (!acr_audit_append (store, "export", "revocation_list", organisation_id, summary, detail,
                         error))
    goto fail;
  if (!acr_store_commit (store, error))
    return NULL;

  xmlDocDumpMemoryEnc (doc, &buffer, &size, "UTF-8");
  if (buffer == NULL)
    {
      g_set_error_literal (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                           _("The revocation list could not be written."));
      return NULL;
    }
  bytes = g_bytes_new (buffer, size);
  xmlFree (buffer);
  return bytes;

fail:
  acr_store_rollback (store);
  return NULL;
}

static xmlNode *
first_element (xmlNode *node)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && node->ns != NULL
        && g_strcmp0 ((const char *) node->ns->href, ACR_REVOCATION_LIST_NS) == 0)
      return node;
  return NULL;
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  for (xmlNode *child = first_element (parent->children); child != NULL;
       child = first_element (child->next))
    if (g_str_equal ((const char *) child->name, name))
      return child;
  return NULL;
}

static char *
child_text (xmlNode    *parent,
            const char *name)
{
  xmlNode *child = find_child (parent, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;
  content = xmlNodeGetContent (child);
  text = g_strdup ((const char *) content);
  xmlFree (content);
  return text != NULL ? g_strstrip (text) : NULL;
}

static char *
prop_text (xmlNode    *node,
           const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *text = g_strdup ((const char *) value);

  xmlFree (value);
  return text;
}

static gboolean
set_signature_error (GError     **error,
                     int          code,
                     const char  *display_name,
                     const char  *reason)
{
  g_set_error (error, ACR_SIGNATURE_ERROR, code, _("The revocation list “%s” was refused: %s"),
               display_name, reason);
  return FALSE;
}

AcrRevocationList *
acr_revocation_list_load (AcrStore    *store,
                          const char  *data,
                          gsize        len,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(AcrXmldsigResult) result = NULL;
  g_autoptr(AcrRevocationList) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) issued = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *named_certificate = NULL;
  g_autofree char *sequence = NULL;
  gnutls_x509_crt_t *chain;
  xmlNode *root, *issuer, *entries;
  gboolean trusted = FALSE;
  guint n_chain = 0;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("revocation list");

  doc = acr_xml_parse_untrusted (data, len, display_name, error);
  if (doc == NULL
      || !acr_xml_check_root (doc, ACR_REVOCATION_LIST_NS, "revocationList", display_name,
                              error)
      || !acr_xml_validate (doc, "revocation-list", display_name, error))
    return NULL;

  result = acr_xmldsig_verify (doc);
  if (!acr_xmldsig_result_to_error (result, &local_error))
    {
      set_signature_error (error, local_error->code, display_name, local_error->message);
      return NULL;
    }

  chain = acr_xmldsig_result_get_chain (result, &n_chain);
  if (!_acr_trust_check_chain (store, chain, n_chain, &trusted, &anchor, &reason, error))
    return NULL;
  if (!trusted)
    {
      set_signature_error (error, ACR_SIGNATURE_ERROR_CERTIFICATE, display_name, reason);
      return NULL;
    }

  /* Everything below is read from the verified tree. */
  self = g_object_new (ACR_TYPE_REVOCATION_LIST, NULL);
  root = xmlDocGetRootElement (doc);
  issuer = find_child (root, "issuer");
  entries = find_child (root, "entries");
  g_assert (issuer != NULL && entries != NULL);  /* the schema wants them */

  self->issuer_name = child_text (issuer, "name");
  self->issuer_country = child_text (issuer, "country");
  named_certificate = child_text (issuer, "certificate");
  self->issued = child_text (root, "issued");
  sequence = child_text (root, "sequence");
  acr_xmldsig_certificate_fingerprint (chain[0], &self->signer_fingerprint);
  self->signer_organisation = dn_field (chain[0], GNUTLS_OID_X520_ORGANIZATION_NAME);
  self->signer_country = dn_field (chain[0], GNUTLS_OID_X520_COUNTRY_NAME);

  if (g_strcmp0 (named_certificate, self->signer_fingerprint) != 0)
    {
      set_signature_error (error, ACR_SIGNATURE_ERROR_CERTIFICATE, display_name,
                           _("it names another certificate than the one that signed it."));
      return NULL;
    }

  if (sequence == NULL
      || !g_ascii_string_to_signed (sequence, 10, 1, G_MAXINT64, &self->sequence, NULL))
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("The revocation list “%s” has a sequence number out of range."),
                   display_name);
      return NULL;
    }

  issued = self->issued != NULL ? g_date_time_new_from_iso8601 (self->issued, NULL) : NULL;
  if (issued == NULL
      || g_date_time_to_unix (issued) < gnutls_x509_crt_get_activation_time (chain[0])
      || g_date_time_to_unix (issued) > gnutls_x509_crt_get_expiration_time (chain[0]))
    {
      g_autofree char *name = _acr_certificate_name (chain[0]);
      gint64 activation = gnutls_x509_crt_get_activation_time (chain[0]);
      gint64 expiration = gnutls_x509_crt_get_expiration_time (chain[0]);
      g_autofree char *from = _acr_format_unix_time (activation);
      g_autofree char *to = _acr_format_unix_time (expiration);
      g_autofree char *why = g_strdup_printf (_("it was issued on %s, but the certificate “%s” "
                                                "that signed it is valid only from %s to %s."),
                                              self->issued != NULL ? self->issued : "?", name,
                                              from, to);

      set_signature_error (error, ACR_SIGNATURE_ERROR_CERTIFICATE, display_name, why);
      return NULL;
    }

  for (xmlNode *node = first_element (entries->children); node != NULL;
       node = first_element (node->next))
    {
      Entry entry = { NULL, NULL, NULL };

      if (!g_str_equal ((const char *) node->name, "entry"))
        continue;
      entry.credential_id = prop_text (node, "credential");
      entry.revoked_at = prop_text (node, "revoked");
      entry.reason = child_text (node, "reason");
      if (entry.credential_id == NULL
          || g_hash_table_contains (self->index, entry.credential_id))
        {
          entry_clear (&entry);
          continue;
        }
      g_array_append_val (self->entries, entry);
    }
  /* The index points into the array, so it is built once the array stopped growing. */
  for (guint i = 0; i < self->entries->len; i++)
    g_hash_table_insert (self->index, g_array_index (self->entries, Entry, i).credential_id,
                         GUINT_TO_POINTER (i + 1));

  return g_steal_pointer (&self);
}

const char *
acr_revocation_list_get_issuer_name (AcrRevocationList *self)
{
  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), NULL);
  return self->issuer_name;
}

const char *
acr_revocation_list_get_issuer_country (AcrRevocationList *self)
{
  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), NULL);
  return self->issuer_country;
}

const char *
acr_revocation_list_get_issued (AcrRevocationList *self)
{
  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), NULL);
  return self->issued;
}

gint64
acr_revocation_list_get_sequence (AcrRevocationList *self)
{
  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), 0);
  return self->sequence;
}

const char *
acr_revocation_list_get_signer_fingerprint (AcrRevocationList *self)
{
  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), NULL);
  return self->signer_fingerprint;
}

guint
acr_revocation_list_get_n_entries (AcrRevocationList *self)
{
  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), 0);
  return self->entries->len;
}

void
acr_revocation_list_get_entry (AcrRevocationList  *self,
                               guint               index,
                               const char        **credential_id,
                               const char        **revoked_at,
                               const char        **reason)
{
  Entry *entry;

  g_return_if_fail (ACR_IS_REVOCATION_LIST (self));
  g_return_if_fail (index < self->entries->len);

  entry = &g_array_index (self->entries, Entry, index);
  if (credential_id != NULL)
    *credential_id = entry->credential_id;
  if (revoked_at != NULL)
    *revoked_at = entry->revoked_at;
  if (reason != NULL)
    *reason = entry->reason;
}

gboolean
acr_revocation_list_lookup (AcrRevocationList  *self,
                            const char         *credential_id,
                            const char        **revoked_at,
                            const char        **reason)
{
  guint position;

  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), FALSE);
  g_return_val_if_fail (credential_id != NULL, FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->index, credential_id));
  if (position == 0)
    return FALSE;

  acr_revocation_list_get_entry (self, position - 1, NULL, revoked_at, reason);
  return TRUE;
}

gboolean
acr_revocation_list_covers (AcrRevocationList *self,
                            gnutls_x509_crt_t  signer)
{
  g_autofree char *fingerprint = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *country = NULL;

  g_return_val_if_fail (ACR_IS_REVOCATION_LIST (self), FALSE);
  g_return_val_if_fail (signer != NULL, FALSE);

  if (acr_xmldsig_certificate_fingerprint (signer, &fingerprint)
      && g_strcmp0 (fingerprint, self->signer_fingerprint) == 0)
    return TRUE;

  organisation = dn_field (signer, GNUTLS_OID_X520_ORGANIZATION_NAME);
  country = dn_field (signer, GNUTLS_OID_X520_COUNTRY_NAME);
  return organisation != NULL && self->signer_organisation != NULL
         && country != NULL && self->signer_country != NULL
         && g_str_equal (organisation, self->signer_organisation)
         && g_str_equal (country, self->signer_country);
}
