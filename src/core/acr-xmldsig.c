/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The XML Signature engine: enveloped signatures in Accredit's single profile, made with
 * GnuTLS and libxml2's exclusive canonicalization (not xmlsec).
 *
 * Signing computes SHA-256 over the exclusive c14n of the document, builds
 * <ds:Signature> with one Reference URI="" (transforms enveloped-signature, exc-c14n), signs
 * the exclusive c14n of SignedInfo with gnutls_privkey_sign_data2() (file and PKCS#11 keys
 * alike) and appends the Signature as the last child of the root element. ECDSA values are
 * written raw (r‖s, 32 bytes each), as XMLDSig requires, not as GnuTLS's DER. A first
 * certificate that does not belong to the key is refused: the public keys are compared, or,
 * for a key that hides its public part, the new signature is checked with the certificate.
 *
 * Verification trusts nothing it has not checked, and defends against signature wrapping:
 *  - "structure": no DOCTYPE; exactly one ds:Signature in the whole document, the last
 *    element child of the root; inside it exactly the elements of the profile, in order,
 *    with only the profile's attributes, no Object, Manifest, InclusiveNamespaces or
 *    HMACOutputLength; Reference URI="" (the whole document, never an id); strict base64;
 *    parseable certificates (at most MAX_CERTIFICATES);
 *  - "algorithms": exc-c14n, SHA-256, the transforms exactly [enveloped, exc-c14n], one of the
 *    three signature algorithms, and a signer key of the matching type (RSA of at least
 *    MIN_RSA_BITS bits, ECDSA on P-256, Ed25519);
 *  - "digest": recomputed over the exclusive c14n of a copy of the document from which the
 *    Signature was removed;
 *  - "signature": checked over the exclusive c14n of SignedInfo with the public key of the
 *    FIRST certificate of KeyInfo.
 * Verification stops at the first failed check. Only a verified signature exposes its
 * certificate chain; trust in the chain, validity periods and revocation are the caller's.
 * What a valid signature does NOT cover, so nothing may read it: comments (URI="" excludes
 * them), the Signature element itself, whitespace outside the root, and namespace
 * declarations no element or attribute name uses (exclusive c14n drops them), hence never
 * give meaning to prefixes inside attribute values or text (QNames such as xsi:type).
 * Verification never modifies the document; both directions are thread-safe for different
 * documents. */

#define G_LOG_DOMAIN "acr-xmldsig"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <libxml/c14n.h>
#include <libxml/xmlIO.h>

#include "acr-xml.h"
#include "acr-xmldsig.h"

#define DSIG_NS           "http://www.w3.org/2000/09/xmldsig#"
#define EXC_C14N_URI      "http://www.w3.org/2001/10/xml-exc-c14n#"
#define ENVELOPED_URI     "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
#define SHA256_URI        "http://www.w3.org/2001/04/xmlenc#sha256"
#define RSA_SHA256_URI    "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
#define ECDSA_SHA256_URI  "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
#define ED25519_URI       "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519"

#define MAX_CERTIFICATES  16
#define MAX_TRANSFORMS    8
#define MIN_RSA_BITS      2048
#define P256_SIZE         32
#define SHA256_SIZE       32

typedef struct
{
  char     *id;
  char     *reason;
  gboolean  passed;
} Check;

struct _AcrXmldsigResult
{
  GObject                parent_instance;

  GArray                *checks;       /* of Check */
  gnutls_x509_crt_t     *chain;
  guint                  n_chain;
  AcrSignatureAlgorithm  algorithm;
  guint                  verified : 1; /* all four checks of acr_xmldsig_verify() passed */
  guint                  failed : 1;   /* some check failed */
};

enum {
  PROP_0,
  PROP_VALID,
  PROP_ALGORITHM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* What the structure check found; owned by verify. */
typedef struct
{
  xmlNode               *signature;
  xmlNode               *signed_info;
  char                  *c14n_method;
  char                  *signature_method;
  char                  *digest_method;
  char                  *transforms[MAX_TRANSFORMS];
  guint                  n_transforms;
  GBytes                *digest_value;
  GBytes                *signature_value;
  gnutls_x509_crt_t      certs[MAX_CERTIFICATES];
  guint                  n_certs;
  gnutls_pubkey_t        pubkey;
  AcrSignatureAlgorithm  algorithm;
} Parsed;

G_DEFINE_QUARK (acr-signature-error-quark, acr_signature_error)

G_DEFINE_ENUM_TYPE (AcrSignatureAlgorithm, acr_signature_algorithm,
  G_DEFINE_ENUM_VALUE (ACR_SIGNATURE_ALGORITHM_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (ACR_SIGNATURE_ALGORITHM_RSA_SHA256, "rsa-sha256"),
  G_DEFINE_ENUM_VALUE (ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256, "ecdsa-sha256"),
  G_DEFINE_ENUM_VALUE (ACR_SIGNATURE_ALGORITHM_ED25519, "ed25519"))

G_DEFINE_FINAL_TYPE (AcrXmldsigResult, acr_xmldsig_result, G_TYPE_OBJECT)

/* Helpers: algorithms */

static AcrSignatureAlgorithm
algorithm_from_uri (const char *uri)
{
  if (g_strcmp0 (uri, RSA_SHA256_URI) == 0)
    return ACR_SIGNATURE_ALGORITHM_RSA_SHA256;
  if (g_strcmp0 (uri, ECDSA_SHA256_URI) == 0)
    return ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256;
  if (g_strcmp0 (uri, ED25519_URI) == 0)
    return ACR_SIGNATURE_ALGORITHM_ED25519;
  return ACR_SIGNATURE_ALGORITHM_UNKNOWN;
}

static gnutls_sign_algorithm_t
algorithm_to_gnutls (AcrSignatureAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ACR_SIGNATURE_ALGORITHM_RSA_SHA256:
      return GNUTLS_SIGN_RSA_SHA256;
    case ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256:
      return GNUTLS_SIGN_ECDSA_SHA256;
    case ACR_SIGNATURE_ALGORITHM_ED25519:
      return GNUTLS_SIGN_EDDSA_ED25519;
    case ACR_SIGNATURE_ALGORITHM_UNKNOWN:
    default:
      return GNUTLS_SIGN_UNKNOWN;
    }
}

/* The algorithm the profile uses with @pubkey, or UNKNOWN with @reason saying why the key
 * does not fit (wrong type, too short, another curve). */
static AcrSignatureAlgorithm
algorithm_for_key (gnutls_pubkey_t   pubkey,
                   char            **reason)
{
  unsigned int bits = 0;
  int pk = gnutls_pubkey_get_pk_algorithm (pubkey, &bits);
  gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;

  switch (pk)
    {
    case GNUTLS_PK_RSA:
      if (bits < MIN_RSA_BITS)
        {
          *reason = g_strdup_printf (_("The signer’s RSA key has only %u bits; Accredit accepts "
                                       "RSA keys of at least %u bits."), bits, MIN_RSA_BITS);
          return ACR_SIGNATURE_ALGORITHM_UNKNOWN;
        }
      return ACR_SIGNATURE_ALGORITHM_RSA_SHA256;

    case GNUTLS_PK_ECDSA:
      if (gnutls_pubkey_export_ecc_raw2 (pubkey, &curve, NULL, NULL, 0) < 0 ||
          curve != GNUTLS_ECC_CURVE_SECP256R1)
        {
          const char *name = gnutls_ecc_curve_get_name (curve);

          *reason = g_strdup_printf (_("The signer’s ECDSA key is on the curve %s; Accredit "
                                       "accepts ECDSA keys on P-256 (SECP256R1) only."),
                                     name ? name : "?");
          return ACR_SIGNATURE_ALGORITHM_UNKNOWN;
        }
      return ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256;

    case GNUTLS_PK_EDDSA_ED25519:
      return ACR_SIGNATURE_ALGORITHM_ED25519;

    default:
      {
        const char *name = pk > 0 ? gnutls_pk_get_name (pk) : NULL;

        *reason = g_strdup_printf (_("The signer’s key is of the type %s; Accredit accepts RSA, "
                                     "ECDSA (P-256) and Ed25519 keys only."),
                                   name ? name : "?");
        return ACR_SIGNATURE_ALGORITHM_UNKNOWN;
      }
    }
}

/* Helpers: encodings */

static char *
to_hex (const guint8 *data,
        gsize         size)
{
  GString *hex = g_string_sized_new (size * 2);

  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", data[i]);

  return g_string_free (hex, FALSE);
}

/* Decodes base64 strictly: only the base64 alphabet and XML whitespace, correct padding, and
 * canonical (re-encoding gives the same text), at least one byte. NULL if not. */
static GBytes *
decode_base64_strict (const char *text)
{
  g_autofree char *clean = g_malloc (strlen (text) + 1);
  g_autofree guchar *decoded = NULL;
  g_autofree char *encoded = NULL;
  const char *padding;
  gsize len = 0;
  gsize size = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        continue;
      if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
        return NULL;
      clean[len++] = *p;
    }
  clean[len] = '\0';

  if (len == 0 || len % 4 != 0)
    return NULL;

  padding = strchr (clean, '=');
  if (padding != NULL && (padding < clean + len - 2 || strspn (padding, "=") != strlen (padding)))
    return NULL;

  decoded = g_base64_decode (clean, &size);
  if (decoded == NULL || size == 0)
    return NULL;

  encoded = g_base64_encode (decoded, size);
  if (!g_str_equal (encoded, clean))
    return NULL;

  return g_bytes_new_take (g_steal_pointer (&decoded), size);
}

/* Copies @src (an unsigned big-endian integer, maybe with leading zeros) right-aligned into
 * @dest of @size bytes; FALSE if it does not fit. */
static gboolean
put_fixed (guint8               *dest,
           gsize                 size,
           const gnutls_datum_t *src)
{
  const guint8 *data = src->data;
  gsize len = src->size;

  while (len > 0 && data[0] == 0)
    {
      data++;
      len--;
    }

  if (len > size)
    return FALSE;

  memset (dest, 0, size - len);
  memcpy (dest + size - len, data, len);
  return TRUE;
}

/* An unsigned big-endian integer without its leading zeros (at least one byte). */
static gnutls_datum_t
strip_zeros (const guint8 *data,
             gsize         size)
{
  gnutls_datum_t d;

  while (size > 1 && data[0] == 0)
    {
      data++;
      size--;
    }

  d.data = (unsigned char *) data;
  d.size = (unsigned int) size;
  return d;
}

/* Helpers: canonicalization */

/* Visibility for the c14n of one subtree (SignedInfo): namespace and attribute nodes count
 * as part of their element. */
static int
is_in_subtree_cb (void    *user_data,
                  xmlNode *node,
                  xmlNode *parent)
{
  xmlNode *apex = user_data;
  xmlNode *n;

  if (node == NULL)
    return 0;

  /* libxml2 passes namespace nodes as xmlNs cast to xmlNode; their type field lines up. */
  if (node->type == XML_NAMESPACE_DECL || node->type == XML_ATTRIBUTE_NODE)
    n = parent;
  else
    n = node;

  for (; n != NULL; n = n->parent)
    if (n == apex)
      return 1;

  return 0;
}

/* The exclusive c14n (without comments) of the subtree @apex of @doc. */
static GBytes *
canonicalize_subtree (xmlDoc  *doc,
                      xmlNode *apex)
{
  xmlOutputBuffer *buf = xmlAllocOutputBuffer (NULL);
  GBytes *bytes = NULL;
  int rc;

  if (buf == NULL)
    return NULL;

  rc = xmlC14NExecute (doc, is_in_subtree_cb, apex, XML_C14N_EXCLUSIVE_1_0, NULL, 0, buf);
  if (rc >= 0)
    bytes = g_bytes_new (xmlOutputBufferGetContent (buf), xmlOutputBufferGetSize (buf));

  xmlOutputBufferClose (buf);
  return bytes;
}

/* SHA-256 of the exclusive c14n (without comments) of the whole of @doc. */
static gboolean
digest_document (xmlDoc *doc,
                 guint8  digest[SHA256_SIZE])
{
  xmlChar *text = NULL;
  int size;
  int rc;

  size = xmlC14NDocDumpMemory (doc, NULL, XML_C14N_EXCLUSIVE_1_0, NULL, 0, &text);
  if (size < 0 || text == NULL)
    {
      xmlFree (text);
      return FALSE;
    }

  rc = gnutls_hash_fast (GNUTLS_DIG_SHA256, text, (size_t) size, digest);
  xmlFree (text);
  return rc >= 0;
}

/* Helpers: the tree */

static gboolean
is_dsig_element (xmlNode    *node,
                 const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, DSIG_NS) == 0 &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

static gboolean
is_blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p != NULL && *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
      return FALSE;
  return TRUE;
}

/* Counts ds:Signature elements anywhere in @doc (without recursion). */
static guint
count_signatures (xmlDoc *doc)
{
  xmlNode *node = doc->children;
  guint count = 0;

  while (node != NULL)
    {
      if (is_dsig_element (node, "Signature"))
        count++;

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL && node->next == NULL)
        {
          node = node->parent;
          if (node == NULL || node->type == XML_DOCUMENT_NODE)
            return count;
        }

      if (node != NULL)
        node = node->next;
    }

  return count;
}

static xmlNode *
last_element_child (xmlNode *parent)
{
  for (xmlNode *node = parent->last; node != NULL; node = node->prev)
    if (node->type == XML_ELEMENT_NODE)
      return node;
  return NULL;
}

/* The element children of the ds element @parent, at most @max of them, into @out. Anything
 * else than whitespace text (text, CDATA, comments, processing instructions, elements of
 * another namespace) is refused with @reason. */
static gboolean
get_children (xmlNode  *parent,
              xmlNode **out,
              guint     max,
              guint    *n_out,
              char    **reason)
{
  guint n = 0;

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_TEXT_NODE:
          if (is_blank (node->content))
            continue;
          *reason = g_strdup_printf (_("The “%s” element of the signature contains unexpected "
                                       "text."), (const char *) parent->name);
          return FALSE;

        case XML_ELEMENT_NODE:
          if (!is_dsig_element (node, NULL))
            {
              *reason = g_strdup_printf (_("The “%s” element of the signature contains the "
                                           "foreign element “%s”, which Accredit does not "
                                           "accept."), (const char *) parent->name,
                                         (const char *) node->name);
              return FALSE;
            }
          if (n == max)
            {
              *reason = g_strdup_printf (_("The “%s” element of the signature contains an "
                                           "unexpected “%s” element."),
                                         (const char *) parent->name,
                                         (const char *) node->name);
              return FALSE;
            }
          out[n++] = node;
          break;

        default:
          *reason = g_strdup_printf (_("The “%s” element of the signature contains comments, "
                                       "CDATA or processing instructions, which Accredit does "
                                       "not accept."), (const char *) parent->name);
          return FALSE;
        }
    }

  *n_out = n;
  return TRUE;
}

/* Checks that @parent has exactly the ds children @names (NULL-terminated), in order. */
static gboolean
expect_children (xmlNode     *parent,
                 const char **names,
                 xmlNode    **out,
                 char       **reason)
{
  guint expected = g_strv_length ((char **) names);
  guint n = 0;

  if (!get_children (parent, out, expected, &n, reason))
    return FALSE;

  for (guint i = 0; i < expected; i++)
    {
      if (i >= n)
        {
          *reason = g_strdup_printf (_("The signature is incomplete: the “%s” element lacks "
                                       "its “%s” element."), (const char *) parent->name,
                                     names[i]);
          return FALSE;
        }
      if (!g_str_equal ((const char *) out[i]->name, names[i]))
        {
          *reason = g_strdup_printf (_("The “%s” element of the signature contains “%s” where "
                                       "“%s” is expected."), (const char *) parent->name,
                                     (const char *) out[i]->name, names[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/* Checks that @node has no attributes but @allowed (NULL or one name, without namespace)
 * and that @allowed, if given, is present; returns its value in @value. */
static gboolean
expect_attribute (xmlNode     *node,
                  const char  *allowed,
                  char       **value,
                  char       **reason)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (allowed != NULL && attr->ns == NULL &&
          g_str_equal ((const char *) attr->name, allowed))
        {
          xmlChar *text = xmlNodeListGetString (node->doc, attr->children, 1);

          g_free (*value);
          *value = g_strdup (text ? (const char *) text : "");
          xmlFree (text);
          continue;
        }

      *reason = g_strdup_printf (_("The “%s” element of the signature has an unexpected "
                                   "attribute “%s”."), (const char *) node->name,
                                 (const char *) attr->name);
      return FALSE;
    }

  if (allowed != NULL && *value == NULL)
    {
      *reason = g_strdup_printf (_("The “%s” element of the signature lacks its “%s” "
                                   "attribute."), (const char *) node->name, allowed);
      return FALSE;
    }

  return TRUE;
}

/* An algorithm element: only an Algorithm attribute, no content. */
static gboolean
parse_method (xmlNode  *node,
              char    **algorithm,
              char    **reason)
{
  xmlNode *children[1];
  guint n = 0;

  if (!expect_attribute (node, "Algorithm", algorithm, reason))
    return FALSE;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        g_str_equal ((const char *) child->name, "InclusiveNamespaces"))
      {
        *reason = g_strdup (_("The signature uses an InclusiveNamespaces prefix list, which "
                              "Accredit does not accept."));
        return FALSE;
      }

  if (!get_children (node, children, G_N_ELEMENTS (children), &n, reason))
    return FALSE;

  if (n > 0)
    {
      *reason = g_strdup_printf (_("The “%s” element of the signature contains an "
                                   "unexpected “%s” element."), (const char *) node->name,
                                 (const char *) children[0]->name);
      return FALSE;
    }

  return TRUE;
}

/* The base64 content of a ds element without attributes. */
static GBytes *
parse_base64 (xmlNode  *node,
              char    **reason)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GBytes *bytes;

  if (!expect_attribute (node, NULL, NULL, reason))
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_TEXT_NODE)
        {
          *reason = g_strdup_printf (_("The “%s” element of the signature must hold base64 "
                                       "text only."), (const char *) node->name);
          return NULL;
        }
      g_string_append (text, (const char *) child->content);
    }

  bytes = decode_base64_strict (text->str);
  if (bytes == NULL)
    *reason = g_strdup_printf (_("The “%s” element of the signature does not hold valid "
                                 "base64 data."), (const char *) node->name);
  return bytes;
}

static void
parsed_clear (Parsed *p)
{
  g_clear_pointer (&p->c14n_method, g_free);
  g_clear_pointer (&p->signature_method, g_free);
  g_clear_pointer (&p->digest_method, g_free);
  for (guint i = 0; i < p->n_transforms; i++)
    g_free (p->transforms[i]);
  g_clear_pointer (&p->digest_value, g_bytes_unref);
  g_clear_pointer (&p->signature_value, g_bytes_unref);
  for (guint i = 0; i < p->n_certs; i++)
    if (p->certs[i] != NULL)
      gnutls_x509_crt_deinit (p->certs[i]);
  g_clear_pointer (&p->pubkey, gnutls_pubkey_deinit);
}

/* The "structure" check. Fills @p with what later checks need. */
static gboolean
parse_structure (xmlDoc  *doc,
                 Parsed  *p,
                 char   **reason)
{
  static const char *signature_names[] = { "SignedInfo", "SignatureValue", "KeyInfo", NULL };
  static const char *signed_info_names[] = { "CanonicalizationMethod", "SignatureMethod",
                                             "Reference", NULL };
  static const char *reference_names[] = { "Transforms", "DigestMethod", "DigestValue", NULL };
  static const char *key_info_names[] = { "X509Data", NULL };
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *sig_children[3], *si_children[3], *ref_children[3], *ki_children[1];
  xmlNode *transforms[MAX_TRANSFORMS];
  xmlNode *certs[MAX_CERTIFICATES + 1];
  g_autofree char *uri = NULL;
  guint n_signatures;
  guint n = 0;

  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      *reason = g_strdup (_("The document contains a document type declaration (DOCTYPE), "
                            "which signed documents must not have."));
      return FALSE;
    }

  if (root == NULL)
    {
      *reason = g_strdup (_("The document is empty."));
      return FALSE;
    }

  n_signatures = count_signatures (doc);
  if (n_signatures == 0)
    {
      *reason = g_strdup (_("The document is not signed: it has no signature."));
      return FALSE;
    }
  if (n_signatures > 1)
    {
      *reason = g_strdup_printf (ngettext ("The document has %u signature; a signed document "
                                           "must have exactly one.",
                                           "The document has %u signatures; a signed document "
                                           "must have exactly one.", n_signatures),
                                 n_signatures);
      return FALSE;
    }

  p->signature = last_element_child (root);
  if (!is_dsig_element (p->signature, "Signature"))
    {
      p->signature = NULL;
      *reason = g_strdup (_("The signature is not the last element of the document’s root "
                            "element, where a signed document must have it."));
      return FALSE;
    }

  /* Signature: SignedInfo, SignatureValue, KeyInfo; no Id, no Object. */
  if (!expect_attribute (p->signature, NULL, NULL, reason) ||
      !expect_children (p->signature, signature_names, sig_children, reason))
    return FALSE;
  p->signed_info = sig_children[0];

  /* SignedInfo: CanonicalizationMethod, SignatureMethod, exactly one Reference. */
  if (!expect_attribute (p->signed_info, NULL, NULL, reason) ||
      !expect_children (p->signed_info, signed_info_names, si_children, reason) ||
      !parse_method (si_children[0], &p->c14n_method, reason) ||
      !parse_method (si_children[1], &p->signature_method, reason))
    return FALSE;

  /* Reference URI="" over the whole document, never part of it. */
  if (!expect_attribute (si_children[2], "URI", &uri, reason))
    return FALSE;
  if (!g_str_equal (uri, ""))
    {
      *reason = g_strdup_printf (_("The signature covers only part of the document (reference "
                                   "“%s”); Accredit accepts only signatures over the whole "
                                   "document (URI=\"\")."), uri);
      return FALSE;
    }

  if (!expect_children (si_children[2], reference_names, ref_children, reason) ||
      !expect_attribute (ref_children[0], NULL, NULL, reason) ||
      !get_children (ref_children[0], transforms, G_N_ELEMENTS (transforms), &n, reason))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      char *algorithm = NULL;

      if (!g_str_equal ((const char *) transforms[i]->name, "Transform"))
        {
          *reason = g_strdup_printf (_("The “%s” element of the signature contains an "
                                       "unexpected “%s” element."), "Transforms",
                                     (const char *) transforms[i]->name);
          return FALSE;
        }
      if (!parse_method (transforms[i], &algorithm, reason))
        {
          g_free (algorithm);
          return FALSE;
        }
      p->transforms[p->n_transforms++] = algorithm;
    }

  if (p->n_transforms == 0)
    {
      *reason = g_strdup_printf (_("The signature is incomplete: the “%s” element lacks "
                                   "its “%s” element."), "Transforms", "Transform");
      return FALSE;
    }

  if (!parse_method (ref_children[1], &p->digest_method, reason))
    return FALSE;

  p->digest_value = parse_base64 (ref_children[2], reason);
  if (p->digest_value == NULL)
    return FALSE;

  p->signature_value = parse_base64 (sig_children[1], reason);
  if (p->signature_value == NULL)
    return FALSE;

  /* KeyInfo: one X509Data with 1 to MAX_CERTIFICATES X509Certificate, nothing else. */
  if (!expect_attribute (sig_children[2], NULL, NULL, reason) ||
      !expect_children (sig_children[2], key_info_names, ki_children, reason) ||
      !expect_attribute (ki_children[0], NULL, NULL, reason) ||
      !get_children (ki_children[0], certs, G_N_ELEMENTS (certs), &n, reason))
    return FALSE;

  if (n == 0)
    {
      *reason = g_strdup (_("The signature does not contain the signer’s certificate."));
      return FALSE;
    }
  if (n > MAX_CERTIFICATES)
    {
      *reason = g_strdup_printf (_("The signature contains more than %u certificates."),
                                 MAX_CERTIFICATES);
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) der = NULL;
      gnutls_datum_t datum;

      if (!g_str_equal ((const char *) certs[i]->name, "X509Certificate"))
        {
          *reason = g_strdup_printf (_("The “%s” element of the signature contains an "
                                       "unexpected “%s” element."), "X509Data",
                                     (const char *) certs[i]->name);
          return FALSE;
        }

      der = parse_base64 (certs[i], reason);
      if (der == NULL)
        return FALSE;

      datum.data = (unsigned char *) g_bytes_get_data (der, NULL);
      datum.size = (unsigned int) g_bytes_get_size (der);

      if (gnutls_x509_crt_init (&p->certs[p->n_certs]) < 0)
        {
          *reason = g_strdup (_("Out of memory while reading the signature’s certificates."));
          return FALSE;
        }
      p->n_certs++;

      if (gnutls_x509_crt_import (p->certs[i], &datum, GNUTLS_X509_FMT_DER) < 0)
        {
          *reason = g_strdup_printf (_("Certificate %u of the signature is not a valid X.509 "
                                       "certificate."), i + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* The "algorithms" check. */
static gboolean
check_algorithms (Parsed  *p,
                  char   **reason)
{
  g_autofree char *key_reason = NULL;
  AcrSignatureAlgorithm key_algorithm;

  if (!g_str_equal (p->c14n_method, EXC_C14N_URI))
    {
      *reason = g_strdup_printf (_("The signature uses the canonicalization method “%s”; "
                                   "Accredit accepts only exclusive canonicalization (%s)."),
                                 p->c14n_method, EXC_C14N_URI);
      return FALSE;
    }

  p->algorithm = algorithm_from_uri (p->signature_method);
  if (p->algorithm == ACR_SIGNATURE_ALGORITHM_UNKNOWN)
    {
      *reason = g_strdup_printf (_("The signature uses the algorithm “%s”, which Accredit does "
                                   "not accept; it accepts RSA-SHA256, ECDSA-SHA256 and "
                                   "Ed25519 only."), p->signature_method);
      return FALSE;
    }

  if (p->n_transforms != 2)
    {
      *reason = g_strdup_printf (ngettext ("The signature’s reference has %u transform; "
                                           "Accredit accepts exactly the enveloped-signature "
                                           "transform followed by exclusive canonicalization.",
                                           "The signature’s reference has %u transforms; "
                                           "Accredit accepts exactly the enveloped-signature "
                                           "transform followed by exclusive canonicalization.",
                                           p->n_transforms), p->n_transforms);
      return FALSE;
    }
  if (!g_str_equal (p->transforms[0], ENVELOPED_URI) ||
      !g_str_equal (p->transforms[1], EXC_C14N_URI))
    {
      const char *bad = g_str_equal (p->transforms[0], ENVELOPED_URI) ? p->transforms[1]
                                                                      : p->transforms[0];

      *reason = g_strdup_printf (_("The signature transforms the document with “%s”; Accredit "
                                   "accepts exactly the enveloped-signature transform followed "
                                   "by exclusive canonicalization."), bad);
      return FALSE;
    }

  if (!g_str_equal (p->digest_method, SHA256_URI))
    {
      *reason = g_strdup_printf (_("The signature uses the digest algorithm “%s”; Accredit "
                                   "accepts only SHA-256 (%s)."), p->digest_method, SHA256_URI);
      return FALSE;
    }

  /* The signer's key must be of the type the algorithm names. */
  if (gnutls_pubkey_init (&p->pubkey) < 0 ||
      gnutls_pubkey_import_x509 (p->pubkey, p->certs[0], 0) < 0)
    {
      *reason = g_strdup (_("The signer’s certificate holds a key Accredit cannot use."));
      return FALSE;
    }

  key_algorithm = algorithm_for_key (p->pubkey, &key_reason);
  if (key_algorithm == ACR_SIGNATURE_ALGORITHM_UNKNOWN)
    {
      *reason = g_steal_pointer (&key_reason);
      return FALSE;
    }
  if (key_algorithm != p->algorithm)
    {
      *reason = g_strdup_printf (_("The signature claims the algorithm %s, but the signer’s "
                                   "certificate holds a key for %s."),
                                 acr_signature_algorithm_get_name (p->algorithm),
                                 acr_signature_algorithm_get_name (key_algorithm));
      return FALSE;
    }

  return TRUE;
}

/* The "digest" check, over a copy of @doc without its Signature. */
static gboolean
check_digest (xmlDoc  *doc,
              Parsed  *p,
              char   **reason)
{
  g_autoptr(xmlDoc) copy = NULL;
  guint8 digest[SHA256_SIZE];
  xmlNode *signature;

  if (g_bytes_get_size (p->digest_value) != SHA256_SIZE)
    {
      *reason = g_strdup_printf (_("The signature’s digest value has %u bytes, but SHA-256 "
                                   "digests have %u."),
                                 (guint) g_bytes_get_size (p->digest_value), SHA256_SIZE);
      return FALSE;
    }

  copy = xmlCopyDoc (doc, 1);
  signature = copy ? last_element_child (xmlDocGetRootElement (copy)) : NULL;
  if (!is_dsig_element (signature, "Signature"))
    {
      *reason = g_strdup (_("The document could not be copied to compute its digest."));
      return FALSE;
    }

  xmlUnlinkNode (signature);
  xmlFreeNode (signature);

  if (!digest_document (copy, digest))
    {
      *reason = g_strdup (_("The document could not be canonicalized to compute its digest."));
      return FALSE;
    }

  if (memcmp (digest, g_bytes_get_data (p->digest_value, NULL), SHA256_SIZE) != 0)
    {
      *reason = g_strdup (_("The document was changed after it was signed: its digest does not "
                            "match."));
      return FALSE;
    }

  return TRUE;
}

/* Verifies @value (as written in XMLDSig: r‖s for ECDSA) over @data with @pubkey. */
static gboolean
verify_value (gnutls_pubkey_t         pubkey,
              AcrSignatureAlgorithm   algorithm,
              const gnutls_datum_t   *data,
              const guint8           *value_data,
              gsize                   value_size,
              char                  **reason)
{
  gnutls_datum_t value = { (unsigned char *) value_data, (unsigned int) value_size };
  gnutls_datum_t der = { NULL, 0 };
  int rc;

  if (algorithm == ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256)
    {
      gnutls_datum_t r, s;

      /* XMLDSig carries r‖s; GnuTLS verifies DER. */
      if (value_size != 2 * P256_SIZE)
        {
          *reason = g_strdup_printf (_("The ECDSA signature value has %u bytes; P-256 "
                                       "signatures have %u."), (guint) value_size,
                                     2 * P256_SIZE);
          return FALSE;
        }

      r = strip_zeros (value_data, P256_SIZE);
      s = strip_zeros (value_data + P256_SIZE, P256_SIZE);
      if (gnutls_encode_rs_value (&der, &r, &s) < 0)
        {
          *reason = g_strdup (_("The ECDSA signature value could not be decoded."));
          return FALSE;
        }
      value = der;
    }

  rc = gnutls_pubkey_verify_data2 (pubkey, algorithm_to_gnutls (algorithm), 0, data, &value);
  gnutls_free (der.data);

  if (rc == GNUTLS_E_PK_SIG_VERIFY_FAILED)
    {
      *reason = g_strdup (_("The signature does not match the signer’s certificate: it was made "
                            "with another key, or the signed information was altered."));
      return FALSE;
    }
  if (rc < 0)
    {
      *reason = g_strdup_printf (_("The signature could not be checked: %s."),
                                 gnutls_strerror (rc));
      return FALSE;
    }

  return TRUE;
}

/* The "signature" check, with the key of the first certificate. */
static gboolean
check_signature (xmlDoc  *doc,
                 Parsed  *p,
                 char   **reason)
{
  g_autoptr(GBytes) signed_info = canonicalize_subtree (doc, p->signed_info);
  gnutls_datum_t data;
  gsize size;
  const guint8 *value;

  if (signed_info == NULL)
    {
      *reason = g_strdup (_("The signed information could not be canonicalized."));
      return FALSE;
    }

  data.data = (unsigned char *) g_bytes_get_data (signed_info, NULL);
  data.size = (unsigned int) g_bytes_get_size (signed_info);
  value = g_bytes_get_data (p->signature_value, &size);

  return verify_value (p->pubkey, p->algorithm, &data, value, size, reason);
}

static char *
describe_certificate (gnutls_x509_crt_t crt)
{
  gnutls_datum_t dn = { NULL, 0 };
  char *text;

  if (gnutls_x509_crt_get_dn3 (crt, &dn, 0) < 0 || dn.data == NULL)
    return g_strdup ("?");

  text = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return text;
}

/* Helpers: signing */

static gboolean
datum_equal (const gnutls_datum_t *a,
             const gnutls_datum_t *b)
{
  return a->size == b->size && (a->size == 0 || memcmp (a->data, b->data, a->size) == 0);
}

/* Whether @a and @b are the same public key, comparing their parameters (cheaper than key
 * ids, which encode and hash both). */
static gboolean
same_public_key (gnutls_pubkey_t a,
                 gnutls_pubkey_t b)
{
  gnutls_datum_t a1 = { NULL, 0 }, a2 = { NULL, 0 }, b1 = { NULL, 0 }, b2 = { NULL, 0 };
  gnutls_ecc_curve_t curve_a = GNUTLS_ECC_CURVE_INVALID, curve_b = GNUTLS_ECC_CURVE_INVALID;
  int pk = gnutls_pubkey_get_pk_algorithm (a, NULL);
  gboolean same = FALSE;

  if (pk != gnutls_pubkey_get_pk_algorithm (b, NULL))
    return FALSE;

  if (pk == GNUTLS_PK_RSA)
    same = gnutls_pubkey_export_rsa_raw2 (a, &a1, &a2, 0) == 0 &&
           gnutls_pubkey_export_rsa_raw2 (b, &b1, &b2, 0) == 0 &&
           datum_equal (&a1, &b1) && datum_equal (&a2, &b2);
  else if (pk == GNUTLS_PK_ECDSA || pk == GNUTLS_PK_EDDSA_ED25519)
    same = gnutls_pubkey_export_ecc_raw2 (a, &curve_a, &a1,
                                          pk == GNUTLS_PK_ECDSA ? &a2 : NULL, 0) == 0 &&
           gnutls_pubkey_export_ecc_raw2 (b, &curve_b, &b1,
                                          pk == GNUTLS_PK_ECDSA ? &b2 : NULL, 0) == 0 &&
           curve_a == curve_b && datum_equal (&a1, &b1) && datum_equal (&a2, &b2);

  gnutls_free (a1.data);
  gnutls_free (a2.data);
  gnutls_free (b1.data);
  gnutls_free (b2.data);
  return same;
}

/* Checks that @key and @crt fit together and the profile; returns the algorithm. Sets
 * @compared when the public keys could be compared; when not, the caller must check the
 * signature it makes against @crt. */
static AcrSignatureAlgorithm
choose_algorithm (gnutls_privkey_t    key,
                  gnutls_x509_crt_t   crt,
                  gboolean           *compared,
                  GError            **error)
{
  g_autofree char *reason = NULL;
  gnutls_pubkey_t cert_key = NULL;
  gnutls_pubkey_t own_key = NULL;
  AcrSignatureAlgorithm algorithm = ACR_SIGNATURE_ALGORITHM_UNKNOWN;
  int key_pk;

  *compared = FALSE;

  if (gnutls_pubkey_init (&cert_key) < 0 || gnutls_pubkey_import_x509 (cert_key, crt, 0) < 0)
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE,
                           _("The signing certificate holds a key Accredit cannot use."));
      goto out;
    }

  algorithm = algorithm_for_key (cert_key, &reason);
  if (algorithm == ACR_SIGNATURE_ALGORITHM_UNKNOWN)
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_ALGORITHM, reason);
      goto out;
    }

  key_pk = gnutls_privkey_get_pk_algorithm (key, NULL);
  if (key_pk != gnutls_pubkey_get_pk_algorithm (cert_key, NULL))
    {
      algorithm = ACR_SIGNATURE_ALGORITHM_UNKNOWN;
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE,
                           _("The signing certificate does not belong to the signing key: "
                             "they are keys of different types."));
      goto out;
    }

  /* Compare the keys where the private key reveals its public part (file keys, most
   * tokens); otherwise acr_xmldsig_sign() checks its signature with the certificate. */
  if (gnutls_pubkey_init (&own_key) == 0 &&
      gnutls_pubkey_import_privkey (own_key, key, 0, 0) == 0)
    {
      if (!same_public_key (own_key, cert_key))
        {
          algorithm = ACR_SIGNATURE_ALGORITHM_UNKNOWN;
          g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE,
                               _("The signing certificate does not belong to the signing key. "
                                 "Choose the certificate that was issued for this key."));
          goto out;
        }
      *compared = TRUE;
    }

out:
  g_clear_pointer (&own_key, gnutls_pubkey_deinit);
  g_clear_pointer (&cert_key, gnutls_pubkey_deinit);
  return algorithm;
}

/* Result */

static void
result_add_check (AcrXmldsigResult *self,
                  const char       *id,
                  gboolean          passed,
                  char             *reason)
{
  Check check = { g_strdup (id), reason, passed };

  g_array_append_val (self->checks, check);
  if (!passed)
    self->failed = TRUE;
}

static void
clear_check (gpointer data)
{
  Check *check = data;

  g_free (check->id);
  g_free (check->reason);
}

static void
acr_xmldsig_result_finalize (GObject *object)
{
  AcrXmldsigResult *self = ACR_XMLDSIG_RESULT (object);

  g_clear_pointer (&self->checks, g_array_unref);
  for (guint i = 0; i < self->n_chain; i++)
    gnutls_x509_crt_deinit (self->chain[i]);
  g_clear_pointer (&self->chain, g_free);

  G_OBJECT_CLASS (acr_xmldsig_result_parent_class)->finalize (object);
}

static void
acr_xmldsig_result_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AcrXmldsigResult *self = ACR_XMLDSIG_RESULT (object);

  switch (prop_id)
    {
    case PROP_VALID:
      g_value_set_boolean (value, acr_xmldsig_result_get_valid (self));
      break;

    case PROP_ALGORITHM:
      g_value_set_enum (value, self->algorithm);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_xmldsig_result_class_init (AcrXmldsigResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_xmldsig_result_finalize;
  object_class->get_property = acr_xmldsig_result_get_property;

  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALGORITHM] =
    g_param_spec_enum ("algorithm", NULL, NULL, ACR_TYPE_SIGNATURE_ALGORITHM,
                       ACR_SIGNATURE_ALGORITHM_UNKNOWN,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
acr_xmldsig_result_init (AcrXmldsigResult *self)
{
  self->checks = g_array_new (FALSE, TRUE, sizeof (Check));
  g_array_set_clear_func (self->checks, clear_check);
}

/* Public API */

const char *
acr_signature_algorithm_get_uri (AcrSignatureAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ACR_SIGNATURE_ALGORITHM_RSA_SHA256:
      return RSA_SHA256_URI;
    case ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256:
      return ECDSA_SHA256_URI;
    case ACR_SIGNATURE_ALGORITHM_ED25519:
      return ED25519_URI;
    case ACR_SIGNATURE_ALGORITHM_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
acr_signature_algorithm_get_name (AcrSignatureAlgorithm algorithm)
{
  switch (algorithm)
    {
    case ACR_SIGNATURE_ALGORITHM_RSA_SHA256:
      return "RSA-SHA256";
    case ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256:
      return "ECDSA-P256-SHA256";
    case ACR_SIGNATURE_ALGORITHM_ED25519:
      return "Ed25519";
    case ACR_SIGNATURE_ALGORITHM_UNKNOWN:
    default:
      return "?";
    }
}

gboolean
acr_xmldsig_result_get_valid (AcrXmldsigResult *self)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), FALSE);

  return self->verified && !self->failed;
}

AcrSignatureAlgorithm
acr_xmldsig_result_get_algorithm (AcrXmldsigResult *self)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), ACR_SIGNATURE_ALGORITHM_UNKNOWN);

  return self->algorithm;
}

guint
acr_xmldsig_result_get_n_checks (AcrXmldsigResult *self)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), 0);

  return self->checks->len;
}

const char *
acr_xmldsig_result_get_check_id (AcrXmldsigResult *self,
                                 guint             index)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), NULL);
  g_return_val_if_fail (index < self->checks->len, NULL);

  return g_array_index (self->checks, Check, index).id;
}

gboolean
acr_xmldsig_result_get_check_passed (AcrXmldsigResult *self,
                                     guint             index)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), FALSE);
  g_return_val_if_fail (index < self->checks->len, FALSE);

  return g_array_index (self->checks, Check, index).passed;
}

const char *
acr_xmldsig_result_get_check_reason (AcrXmldsigResult *self,
                                     guint             index)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), NULL);
  g_return_val_if_fail (index < self->checks->len, NULL);

  return g_array_index (self->checks, Check, index).reason;
}

gboolean
acr_xmldsig_result_lookup_check (AcrXmldsigResult  *self,
                                 const char        *id,
                                 gboolean          *passed,
                                 const char       **reason)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    {
      const Check *check = &g_array_index (self->checks, Check, i);

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

void
acr_xmldsig_result_add_check (AcrXmldsigResult *self,
                              const char       *id,
                              gboolean          passed,
                              const char       *reason)
{
  gboolean was_valid;

  g_return_if_fail (ACR_IS_XMLDSIG_RESULT (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (reason != NULL);

  was_valid = acr_xmldsig_result_get_valid (self);
  result_add_check (self, id, passed, g_strdup (reason));
  if (was_valid != acr_xmldsig_result_get_valid (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
}

gnutls_x509_crt_t *
acr_xmldsig_result_get_chain (AcrXmldsigResult *self,
                              guint            *n_chain)
{
  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), NULL);
  g_return_val_if_fail (n_chain != NULL, NULL);

  *n_chain = self->n_chain;
  return self->chain;
}

gboolean
acr_xmldsig_result_to_error (AcrXmldsigResult  *self,
                             GError           **error)
{
  static const struct {
    const char *id;
    AcrSignatureError code;
  } codes[] = {
    { ACR_XMLDSIG_CHECK_STRUCTURE, ACR_SIGNATURE_ERROR_STRUCTURE },
    { ACR_XMLDSIG_CHECK_ALGORITHMS, ACR_SIGNATURE_ERROR_ALGORITHM },
    { ACR_XMLDSIG_CHECK_DIGEST, ACR_SIGNATURE_ERROR_DIGEST },
    { ACR_XMLDSIG_CHECK_SIGNATURE, ACR_SIGNATURE_ERROR_SIGNATURE },
  };

  g_return_val_if_fail (ACR_IS_XMLDSIG_RESULT (self), FALSE);

  if (acr_xmldsig_result_get_valid (self))
    return TRUE;

  for (guint i = 0; i < self->checks->len; i++)
    {
      const Check *check = &g_array_index (self->checks, Check, i);
      AcrSignatureError code = ACR_SIGNATURE_ERROR_FAILED;

      if (check->passed)
        continue;

      for (guint j = 0; j < G_N_ELEMENTS (codes); j++)
        if (g_str_equal (codes[j].id, check->id))
          code = codes[j].code;

      g_set_error_literal (error, ACR_SIGNATURE_ERROR, code, check->reason);
      return FALSE;
    }

  g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_FAILED,
                       _("The signature has not been verified."));
  return FALSE;
}

AcrXmldsigResult *
acr_xmldsig_verify (xmlDoc *doc)
{
  g_autoptr(AcrXmldsigResult) self = NULL;
  g_autofree char *signer = NULL;
  Parsed p = { 0 };
  char *reason = NULL;

  g_return_val_if_fail (doc != NULL, NULL);

  self = g_object_new (ACR_TYPE_XMLDSIG_RESULT, NULL);

  if (!parse_structure (doc, &p, &reason))
    {
      result_add_check (self, ACR_XMLDSIG_CHECK_STRUCTURE, FALSE, reason);
      goto out;
    }
  result_add_check (self, ACR_XMLDSIG_CHECK_STRUCTURE, TRUE,
                    g_strdup (_("The document has exactly one signature, at the end, made of "
                                "the elements Accredit expects.")));

  if (!check_algorithms (&p, &reason))
    {
      result_add_check (self, ACR_XMLDSIG_CHECK_ALGORITHMS, FALSE, reason);
      goto out;
    }
  self->algorithm = p.algorithm;
  result_add_check (self, ACR_XMLDSIG_CHECK_ALGORITHMS, TRUE,
                    g_strdup_printf (_("The signature uses %s with SHA-256 digests and "
                                       "exclusive canonicalization."),
                                     acr_signature_algorithm_get_name (p.algorithm)));

  if (!check_digest (doc, &p, &reason))
    {
      result_add_check (self, ACR_XMLDSIG_CHECK_DIGEST, FALSE, reason);
      goto out;
    }
  result_add_check (self, ACR_XMLDSIG_CHECK_DIGEST, TRUE,
                    g_strdup (_("The document is unchanged since it was signed.")));

  if (!check_signature (doc, &p, &reason))
    {
      result_add_check (self, ACR_XMLDSIG_CHECK_SIGNATURE, FALSE, reason);
      goto out;
    }
  signer = describe_certificate (p.certs[0]);
  result_add_check (self, ACR_XMLDSIG_CHECK_SIGNATURE, TRUE,
                    g_strdup_printf (_("The signature was made with the key of the "
                                       "certificate “%s”."), signer));

  /* Only now is the first certificate known to be the signer's: hand the chain over. */
  self->verified = TRUE;
  self->chain = g_new (gnutls_x509_crt_t, p.n_certs);
  memcpy (self->chain, p.certs, p.n_certs * sizeof (gnutls_x509_crt_t));
  self->n_chain = p.n_certs;
  p.n_certs = 0;

out:
  parsed_clear (&p);
  return g_steal_pointer (&self);
}

gboolean
acr_xmldsig_sign (xmlDoc             *doc,
                  gnutls_privkey_t    key,
                  gnutls_x509_crt_t  *chain,
                  guint               n_chain,
                  GError            **error)
{
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GBytes) signed_info_c14n = NULL;
  g_autofree char *digest_b64 = NULL;
  g_autofree char *value_b64 = NULL;
  g_autofree char *reason = NULL;
  guint8 digest[SHA256_SIZE];
  gnutls_datum_t data;
  gnutls_datum_t value = { NULL, 0 };
  AcrSignatureAlgorithm algorithm;
  gboolean compared = FALSE;
  xmlNode *root, *signature, *signed_info, *node, *reference, *transforms, *key_info;
  xmlNs *ns;
  int rc;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (chain != NULL && n_chain > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_STRUCTURE,
                           _("The document is empty: there is nothing to sign."));
      return FALSE;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_STRUCTURE,
                           _("The document contains a document type declaration (DOCTYPE). "
                             "Remove it before signing."));
      return FALSE;
    }
  if (count_signatures (doc) > 0)
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_STRUCTURE,
                           _("The document is already signed; Accredit signs a document only "
                             "once."));
      return FALSE;
    }
  if (n_chain > MAX_CERTIFICATES)
    {
      g_set_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE,
                   _("The certificate chain has %u certificates; Accredit signs with at most %u."),
                   n_chain, MAX_CERTIFICATES);
      return FALSE;
    }

  algorithm = choose_algorithm (key, chain[0], &compared, error);
  if (algorithm == ACR_SIGNATURE_ALGORITHM_UNKNOWN)
    return FALSE;

  certificates = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_chain; i++)
    {
      gnutls_datum_t der = { NULL, 0 };

      if (chain[i] == NULL || gnutls_x509_crt_export2 (chain[i], GNUTLS_X509_FMT_DER, &der) < 0)
        {
          g_set_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE,
                       _("Certificate %u of the signing chain cannot be encoded."), i + 1);
          return FALSE;
        }
      g_ptr_array_add (certificates, g_base64_encode (der.data, der.size));
      gnutls_free (der.data);
    }

  if (!digest_document (doc, digest))
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_FAILED,
                           _("The document could not be canonicalized for signing."));
      return FALSE;
    }
  digest_b64 = g_base64_encode (digest, sizeof digest);

  /* Build SignedInfo in place, since its c14n depends on where it is. */
  signature = xmlNewDocNode (doc, NULL, BAD_CAST "Signature", NULL);
  ns = xmlNewNs (signature, BAD_CAST DSIG_NS, BAD_CAST "ds");
  xmlSetNs (signature, ns);

  signed_info = xmlNewChild (signature, ns, BAD_CAST "SignedInfo", NULL);
  node = xmlNewChild (signed_info, ns, BAD_CAST "CanonicalizationMethod", NULL);
  xmlNewProp (node, BAD_CAST "Algorithm", BAD_CAST EXC_C14N_URI);
  node = xmlNewChild (signed_info, ns, BAD_CAST "SignatureMethod", NULL);
  xmlNewProp (node, BAD_CAST "Algorithm", BAD_CAST acr_signature_algorithm_get_uri (algorithm));
  reference = xmlNewChild (signed_info, ns, BAD_CAST "Reference", NULL);
  xmlNewProp (reference, BAD_CAST "URI", BAD_CAST "");
  transforms = xmlNewChild (reference, ns, BAD_CAST "Transforms", NULL);
  node = xmlNewChild (transforms, ns, BAD_CAST "Transform", NULL);
  xmlNewProp (node, BAD_CAST "Algorithm", BAD_CAST ENVELOPED_URI);
  node = xmlNewChild (transforms, ns, BAD_CAST "Transform", NULL);
  xmlNewProp (node, BAD_CAST "Algorithm", BAD_CAST EXC_C14N_URI);
  node = xmlNewChild (reference, ns, BAD_CAST "DigestMethod", NULL);
  xmlNewProp (node, BAD_CAST "Algorithm", BAD_CAST SHA256_URI);
  xmlNewTextChild (reference, ns, BAD_CAST "DigestValue", BAD_CAST digest_b64);

  xmlAddChild (root, signature);

  signed_info_c14n = canonicalize_subtree (doc, signed_info);
  if (signed_info_c14n == NULL)
    {
      g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_FAILED,
                           _("The signed information could not be canonicalized."));
      goto fail;
    }

  data.data = (unsigned char *) g_bytes_get_data (signed_info_c14n, NULL);
  data.size = (unsigned int) g_bytes_get_size (signed_info_c14n);

  rc = gnutls_privkey_sign_data2 (key, algorithm_to_gnutls (algorithm), 0, &data, &value);
  if (rc < 0)
    {
      g_set_error (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_FAILED,
                   _("The document could not be signed: %s."), gnutls_strerror (rc));
      goto fail;
    }

  if (algorithm == ACR_SIGNATURE_ALGORITHM_ECDSA_SHA256)
    {
      gnutls_datum_t r = { NULL, 0 }, s = { NULL, 0 };
      guint8 raw[2 * P256_SIZE];
      gboolean ok;

      /* GnuTLS gives DER; XMLDSig wants r‖s, each left-padded to the curve size. */
      ok = gnutls_decode_rs_value (&value, &r, &s) == 0 &&
           put_fixed (raw, P256_SIZE, &r) && put_fixed (raw + P256_SIZE, P256_SIZE, &s);
      gnutls_free (r.data);
      gnutls_free (s.data);
      gnutls_free (value.data);
      value.data = NULL;

      if (!ok)
        {
          g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_FAILED,
                               _("The ECDSA signature made by the key could not be decoded."));
          goto fail;
        }

      value.data = gnutls_malloc (sizeof raw);
      value.size = sizeof raw;
      memcpy (value.data, raw, sizeof raw);
    }

  /* A key that cannot show its public part is checked by its work. */
  if (!compared)
    {
      gnutls_pubkey_t pubkey = NULL;
      gboolean ok;

      ok = gnutls_pubkey_init (&pubkey) == 0 &&
           gnutls_pubkey_import_x509 (pubkey, chain[0], 0) == 0 &&
           verify_value (pubkey, algorithm, &data, value.data, value.size, &reason);
      g_clear_pointer (&pubkey, gnutls_pubkey_deinit);

      if (!ok)
        {
          gnutls_free (value.data);
          g_set_error_literal (error, ACR_SIGNATURE_ERROR, ACR_SIGNATURE_ERROR_CERTIFICATE,
                               _("The signing certificate does not belong to the signing key: "
                                 "a signature made by the key does not verify with it."));
          goto fail;
        }
    }

  value_b64 = g_base64_encode (value.data, value.size);
  gnutls_free (value.data);

  xmlNewTextChild (signature, ns, BAD_CAST "SignatureValue", BAD_CAST value_b64);
  key_info = xmlNewChild (signature, ns, BAD_CAST "KeyInfo", NULL);
  node = xmlNewChild (key_info, ns, BAD_CAST "X509Data", NULL);
  for (guint i = 0; i < certificates->len; i++)
    xmlNewTextChild (node, ns, BAD_CAST "X509Certificate",
                     BAD_CAST g_ptr_array_index (certificates, i));

  return TRUE;

fail:
  xmlUnlinkNode (signature);
  xmlFreeNode (signature);
  return FALSE;
}

gboolean
acr_xmldsig_certificate_fingerprint (gnutls_x509_crt_t   crt,
                                     char              **hex_sha256)
{
  guint8 buf[SHA256_SIZE];
  size_t size = sizeof buf;

  g_return_val_if_fail (crt != NULL, FALSE);
  g_return_val_if_fail (hex_sha256 != NULL, FALSE);

  *hex_sha256 = NULL;

  if (gnutls_x509_crt_get_fingerprint (crt, GNUTLS_DIG_SHA256, buf, &size) < 0 ||
      size != SHA256_SIZE)
    return FALSE;

  *hex_sha256 = to_hex (buf, size);
  return TRUE;
}
