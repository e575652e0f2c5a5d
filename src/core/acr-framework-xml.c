/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Framework documents (data/schemas/framework.xsd, namespace urn:accredit:framework:1):
 * reading one into an AcrFramework, importing it into the store, and writing one out.
 *
 * Reading trusts nothing: the bytes go through acr_xml_parse_untrusted() (no network, no
 * DTD, no entities, size and depth limits), then the root and namespace are checked and the
 * document is validated against the compiled-in schema. Only then is the tree walked, and
 * the rules the schema cannot express are checked with the file, line and element in the
 * message: descriptors name declared dimensions, once per dimension and language; level
 * numbers are unique; the EQF itself (kind="eqf") refers each level to its own number; a
 * national framework names its country and a sectoral one does not (Accredit tells them
 * apart by the country); every title exists in German or English. The model keeps titles,
 * dimension titles and examples in German and English only: a document giving only one of
 * the two uses it for both, and other languages of these are not kept. Descriptors keep
 * every language.
 *
 * An import is one transaction: the framework with the same code is replaced in place (its
 * id stays, so the modules assigned to it stay), which acr_framework_save() refuses when a
 * module is assigned to a level the document drops. On any error the database is unchanged.
 *
 * Writing builds a libxml2 tree in a fixed order (titles; country; uri; dimensions in their
 * order; levels by number, each with its descriptors by dimension, then examples; languages
 * "de", "en", then the others alphabetically) and serialises it with libxml2's formatter
 * (UTF-8, 2 spaces). Nothing varying (ids, times) is written, so export → import → export
 * gives the same bytes. The result is parsed and validated again before it is returned: an
 * export is schema-valid or an error. */

#define G_LOG_DOMAIN "acr-framework-xml"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

#include "acr-framework.h"
#include "acr-framework-xml.h"
#include "acr-store.h"
#include "acr-xml.h"

#define EQF_LEVEL_URI      "http://data.europa.eu/snb/eqf/"
#define MAX_LEVEL          8
#define MAX_DIMENSION_CODE 32

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* A descriptor collected for writing, sorted by dimension place, then language. */
typedef struct
{
  guint  dimension_index;
  char  *dimension;
  char  *lang;
  char  *text;
} Descriptor;

typedef struct
{
  GHashTable *dimension_index;   /* code → index + 1 */
  GPtrArray  *descriptors;       /* of Descriptor */
} DescriptorCollector;

static void
descriptor_free (gpointer data)
{
  Descriptor *d = data;

  g_free (d->dimension);
  g_free (d->lang);
  g_free (d->text);
  g_free (d);
}

/* Reading */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_str_equal ((const char *) node->ns->href, ACR_FRAMEWORK_XML_NS) &&
         g_str_equal ((const char *) node->name, name);
}

/* A copy of the attribute @name without namespace (free with g_free()), or NULL. */
static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The element's own xml:lang (free with g_free()), or NULL. */
static char *
get_lang (xmlNode *node)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) "lang", XML_XML_NAMESPACE);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The element's text without surrounding white space (free with g_free()). */
static char *
get_text (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup (value != NULL ? (const char *) value : "");

  xmlFree (value);
  return g_strstrip (copy);
}

static void
set_node_error (GError     **error,
                const char  *display_name,
                xmlNode     *node,
                const char  *format,
                ...) G_GNUC_PRINTF (4, 5);

static void
set_node_error (GError     **error,
                const char  *display_name,
                xmlNode     *node,
                const char  *format,
                ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the file name, the line number, the element name, then a sentence saying
   * what is wrong and what to do. */
  g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID, _("“%s”, line %d, element “%s”: %s"),
               display_name, (int) xmlGetLineNo (node), (const char *) node->name, problem);
}

/* The form of language code the model stores ("de", "en", "de-CH"), as
 * acr_framework_validate() checks it. */
static gboolean
lang_is_valid (const char *lang)
{
  g_auto(GStrv) parts = NULL;
  gsize len;

  if (lang == NULL)
    return FALSE;

  parts = g_strsplit (lang, "-", -1);
  len = strlen (parts[0]);
  if (len < 2 || len > 3)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_islower (parts[0][i]))
      return FALSE;

  for (guint p = 1; parts[p] != NULL; p++)
    {
      gsize plen = strlen (parts[p]);

      if (plen < 1 || plen > 8)
        return FALSE;
      for (gsize i = 0; i < plen; i++)
        if (!g_ascii_isalnum (parts[p][i]))
          return FALSE;
    }

  return TRUE;
}

/* Checks the xml:lang of @node and that it is the first @node in its language among its
 * siblings (@seen, a set of language codes). Returns the language (owned by @seen). */
static const char *
read_lang (xmlNode     *node,
           GHashTable  *seen,
           const char  *display_name,
           GError     **error)
{
  g_autofree char *lang = get_lang (node);

  if (!lang_is_valid (lang))
    {
      set_node_error (error, display_name, node,
                      _("“%s” is not a language code Accredit can store. Use a code such as "
                        "“de”, “en” or “de-CH”, with the language in lowercase."),
                      lang != NULL ? lang : "");
      return NULL;
    }

  if (g_hash_table_contains (seen, lang))
    {
      set_node_error (error, display_name, node,
                      _("There is a second “%s” in the language “%s”. Give each text once per "
                        "language."), (const char *) node->name, lang);
      return NULL;
    }

  g_hash_table_add (seen, lang);
  return g_steal_pointer (&lang);
}

/* Reads the German and English texts of the @name children of @parent. @required: at
 * least one of the two must be there, and a missing one is set to the other. */
static gboolean
read_localized (xmlNode     *parent,
                const char  *name,
                gboolean     required,
                char       **de,
                char       **en,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      const char *lang;

      if (!is_element (node, name))
        continue;

      if (!(lang = read_lang (node, seen, display_name, error)))
        return FALSE;

      if (g_str_equal (lang, "de"))
        *de = get_text (node);
      else if (g_str_equal (lang, "en"))
        *en = get_text (node);
    }

  if (required && *de == NULL && *en == NULL)
    {
      set_node_error (error, display_name, parent,
                      _("There is no “%s” in German or English. Add one with xml:lang=\"de\" "
                        "or xml:lang=\"en\"."), name);
      return FALSE;
    }

  if (required && *de == NULL)
    *de = g_strdup (*en);
  else if (required && *en == NULL)
    *en = g_strdup (*de);

  return TRUE;
}

static gboolean
read_dimensions (AcrFramework  *fw,
                 xmlNode       *parent,
                 GHashTable    *codes,
                 const char    *display_name,
                 GError       **error)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autoptr(AcrFrameworkDimension) dimension = NULL;
      g_autofree char *code = NULL;
      g_autofree char *title_de = NULL;
      g_autofree char *title_en = NULL;

      if (!is_element (node, "dimension"))
        continue;

      code = get_attr (node, "code");
      g_assert (code != NULL);   /* required by the schema */

      if (strlen (code) > MAX_DIMENSION_CODE)
        {
          set_node_error (error, display_name, node,
                          _("The dimension code “%s” is too long. Use at most %d characters."),
                          code, MAX_DIMENSION_CODE);
          return FALSE;
        }

      if (g_hash_table_contains (codes, code))
        {
          set_node_error (error, display_name, node,
                          _("The dimension “%s” is declared twice. Give each dimension its own "
                            "code."), code);
          return FALSE;
        }

      if (!read_localized (node, "title", TRUE, &title_de, &title_en, display_name, error))
        return FALSE;

      dimension = acr_framework_dimension_new_full (code, title_de, title_en);
      acr_framework_add_dimension (fw, dimension);
      g_hash_table_add (codes, g_steal_pointer (&code));
    }

  return TRUE;
}

static gboolean
read_descriptors (AcrFrameworkLevel  *level,
                  xmlNode            *parent,
                  GHashTable         *codes,
                  const char         *display_name,
                  GError            **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autofree char *dimension = NULL;
      g_autofree char *lang = NULL;
      g_autofree char *key = NULL;
      g_autofree char *text = NULL;

      if (!is_element (node, "descriptor"))
        continue;

      dimension = get_attr (node, "dimension");
      lang = get_lang (node);

      if (dimension == NULL || !g_hash_table_contains (codes, dimension))
        {
          set_node_error (error, display_name, node,
                          _("The descriptor is for the dimension “%s”, which the document does "
                            "not declare. Declare it under “dimensions” or correct the code."),
                          dimension != NULL ? dimension : "");
          return FALSE;
        }

      if (!lang_is_valid (lang))
        {
          set_node_error (error, display_name, node,
                          _("“%s” is not a language code Accredit can store. Use a code such as "
                            "“de”, “en” or “de-CH”, with the language in lowercase."),
                          lang != NULL ? lang : "");
          return FALSE;
        }

      key = g_strconcat (dimension, " ", lang, NULL);
      if (g_hash_table_contains (seen, key))
        {
          set_node_error (error, display_name, node,
                          _("There is a second descriptor for the dimension “%s” in the "
                            "language “%s”. Give one descriptor per dimension and language."),
                          dimension, lang);
          return FALSE;
        }
      g_hash_table_add (seen, g_steal_pointer (&key));

      text = get_text (node);
      acr_framework_level_set_descriptor (level, dimension, lang, text);
    }

  return TRUE;
}

static gboolean
read_levels (AcrFramework  *fw,
             xmlNode       *parent,
             GHashTable    *codes,
             gboolean       is_eqf,
             const char    *display_name,
             GError       **error)
{
  gboolean seen[MAX_LEVEL + 1] = { FALSE, };

  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      g_autoptr(AcrFrameworkLevel) level = NULL;
      g_autofree char *number_text = NULL;
      g_autofree char *label = NULL;
      g_autofree char *examples_de = NULL;
      g_autofree char *examples_en = NULL;
      xmlNode *referenced = NULL;
      gint64 number = 0;
      int eqf = 0;

      if (!is_element (node, "level"))
        continue;

      number_text = g_strstrip (get_attr (node, "number"));
      label = g_strstrip (get_attr (node, "label"));

      /* The schema allows 1 to 8 only, also written "+3" or "03". */
      if (!g_ascii_string_to_signed (number_text[0] == '+' ? number_text + 1 : number_text,
                                     10, 1, MAX_LEVEL, &number, NULL))
        {
          set_node_error (error, display_name, node,
                          _("“%s” is not a level number. Number the levels 1 to 8."),
                          number_text);
          return FALSE;
        }

      if (seen[number])
        {
          set_node_error (error, display_name, node,
                          _("The level %d appears twice. Give each level once."), (int) number);
          return FALSE;
        }
      seen[number] = TRUE;

      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (is_element (child, "referencedTo"))
          {
            g_autofree char *uri = get_text (child);

            referenced = child;
            if (g_str_has_prefix (uri, EQF_LEVEL_URI) &&
                strlen (uri) == strlen (EQF_LEVEL_URI) + 1)
              eqf = uri[strlen (EQF_LEVEL_URI)] - '0';
            break;
          }

      /* The schema requires the element and its pattern allows 1 to 8 only. */
      g_assert (referenced != NULL);
      g_assert (eqf >= 1 && eqf <= MAX_LEVEL);

      if (is_eqf && eqf != number)
        {
          set_node_error (error, display_name, referenced,
                          _("The level %d of the EQF is referenced to the EQF level %d. In the "
                            "EQF itself every level is referenced to itself: write "
                            "%s%d."), (int) number, eqf, EQF_LEVEL_URI, (int) number);
          return FALSE;
        }

      level = acr_framework_level_new_full ((int) number, label, eqf);

      if (!read_descriptors (level, node, codes, display_name, error) ||
          !read_localized (node, "examples", FALSE, &examples_de, &examples_en, display_name,
                           error))
        return FALSE;

      acr_framework_level_set_examples_de (level, examples_de);
      acr_framework_level_set_examples_en (level, examples_en);
      acr_framework_add_level (fw, level);
    }

  return TRUE;
}

static AcrFramework *
read_framework (xmlDoc      *doc,
                const char  *display_name,
                GError     **error)
{
  xmlNode *root;
  g_autoptr(AcrFramework) fw = NULL;
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *version = NULL;
  g_autofree char *title_de = NULL;
  g_autofree char *title_en = NULL;
  g_autofree char *country = NULL;
  g_autofree char *uri = NULL;
  xmlNode *country_node = NULL;
  gboolean is_eqf;

  if (!acr_xml_check_root (doc, ACR_FRAMEWORK_XML_NS, "framework", display_name, error) ||
      !acr_xml_validate (doc, "framework", display_name, error))
    return NULL;

  root = xmlDocGetRootElement (doc);
  code = get_attr (root, "code");
  kind = get_attr (root, "kind");
  version = g_strstrip (get_attr (root, "version"));
  is_eqf = g_strcmp0 (kind, "eqf") == 0;

  fw = acr_framework_new ();
  acr_framework_set_code (fw, code);
  acr_framework_set_version (fw, version);
  acr_framework_set_is_eqf (fw, is_eqf);

  if (!read_localized (root, "title", TRUE, &title_de, &title_en, display_name, error))
    return NULL;
  acr_framework_set_title_de (fw, title_de);
  acr_framework_set_title_en (fw, title_en);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (is_element (node, "country"))
        {
          country_node = node;
          country = get_text (node);
        }
      else if (is_element (node, "uri"))
        {
          uri = get_text (node);
        }
      else if (is_element (node, "dimensions"))
        {
          if (!read_dimensions (fw, node, codes, display_name, error))
            return NULL;
        }
      else if (is_element (node, "levels"))
        {
          if (!read_levels (fw, node, codes, is_eqf, display_name, error))
            return NULL;
        }
    }

  if (g_strcmp0 (kind, "national") == 0 && country == NULL)
    {
      set_node_error (error, display_name, root,
                      _("The national framework “%s” names no country. Add a “country” element "
                        "with its ISO 3166 code, such as “DE”, or make it kind=\"sectoral\"."),
                      code);
      return NULL;
    }

  if (g_strcmp0 (kind, "sectoral") == 0 && country != NULL)
    {
      set_node_error (error, display_name, country_node,
                      _("The sectoral framework “%s” names a country, but Accredit keeps a "
                        "framework with a country as a national one. Make it "
                        "kind=\"national\", or remove the “country” element."), code);
      return NULL;
    }

  acr_framework_set_country (fw, country);
  acr_framework_set_uri (fw, uri != NULL && *uri != '\0' ? uri : NULL);

  /* What the model requires beyond the schema (a URI it accepts, for instance). */
  if (!acr_framework_validate (fw, &local_error))
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("“%s” cannot be used: %s"), display_name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&fw);
}

/* Gives @target the contents of @source: properties, dimensions and levels (shared). */
static void
replace_contents (AcrFramework *target,
                  AcrFramework *source)
{
  GListModel *dimensions = acr_framework_get_dimensions (target);
  GListModel *levels = acr_framework_get_levels (target);

  g_object_freeze_notify (G_OBJECT (target));
  acr_framework_set_code (target, acr_framework_get_code (source));
  acr_framework_set_title_de (target, acr_framework_get_title_de (source));
  acr_framework_set_title_en (target, acr_framework_get_title_en (source));
  acr_framework_set_country (target, acr_framework_get_country (source));
  acr_framework_set_version (target, acr_framework_get_version (source));
  acr_framework_set_uri (target, acr_framework_get_uri (source));
  acr_framework_set_is_eqf (target, acr_framework_get_is_eqf (source));

  while (g_list_model_get_n_items (levels) > 0)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, 0);

      acr_framework_remove_level (target, acr_framework_level_get_level (level));
    }

  while (g_list_model_get_n_items (dimensions) > 0)
    {
      g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, 0);

      acr_framework_remove_dimension (target, acr_framework_dimension_get_code (dimension));
    }

  dimensions = acr_framework_get_dimensions (source);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, i);

      acr_framework_add_dimension (target, dimension);
    }

  levels = acr_framework_get_levels (source);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);

      acr_framework_add_level (target, level);
    }
  g_object_thaw_notify (G_OBJECT (target));
}

static AcrFramework *
import_doc (AcrStore    *store,
            xmlDoc      *doc,
            const char  *display_name,
            GError     **error)
{
  g_autoptr(AcrFramework) fw = NULL;
  g_autoptr(AcrFramework) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  AcrFramework *target;

  if (!(fw = read_framework (doc, display_name, error)))
    return NULL;

  if (!acr_store_begin (store, error))
    return NULL;

  existing = acr_framework_load_by_code (store, acr_framework_get_code (fw), &local_error);
  if (existing == NULL && !g_error_matches (local_error, ACR_STORE_ERROR,
                                            ACR_STORE_ERROR_NOT_FOUND))
    goto fail;
  g_clear_error (&local_error);

  if (existing != NULL)
    {
      replace_contents (existing, fw);
      target = existing;
    }
  else
    {
      target = fw;
    }

  if (!acr_framework_save (target, store, &local_error))
    goto fail;

  if (!acr_store_commit (store, error))
    return NULL;

  return g_object_ref (target);

fail:
  acr_store_rollback (store);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("“%s” cannot be imported: "), display_name);
  return NULL;
}

AcrFramework *
acr_framework_new_from_xml (const char  *data,
                            gsize        len,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(doc = acr_xml_parse_untrusted (data, len, display_name, error)))
    return NULL;

  return read_framework (doc, display_name, error);
}

AcrFramework *
acr_framework_import_xml (AcrStore    *store,
                          const char  *data,
                          gsize        len,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(doc = acr_xml_parse_untrusted (data, len, display_name, error)))
    return NULL;

  return import_doc (store, doc, display_name, error);
}

AcrFramework *
acr_framework_import_file (AcrStore    *store,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(doc = acr_xml_parse_file_untrusted (path, error)))
    return NULL;

  display_name = g_filename_display_basename (path);
  return import_doc (store, doc, display_name, error);
}

/* Writing */

static int
lang_rank (const char *lang)
{
  if (g_str_equal (lang, "de"))
    return 0;
  if (g_str_equal (lang, "en"))
    return 1;
  return 2;
}

static int
compare_descriptors (gconstpointer a,
                     gconstpointer b)
{
  const Descriptor *da = *(Descriptor * const *) a;
  const Descriptor *db = *(Descriptor * const *) b;
  int ra, rb;

  if (da->dimension_index != db->dimension_index)
    return da->dimension_index < db->dimension_index ? -1 : 1;

  ra = lang_rank (da->lang);
  rb = lang_rank (db->lang);
  if (ra != rb)
    return ra - rb;

  return strcmp (da->lang, db->lang);
}

static void
collect_descriptor_cb (const char *dimension_code,
                       const char *lang,
                       const char *text,
                       gpointer    user_data)
{
  DescriptorCollector *collector = user_data;
  Descriptor *d = g_new0 (Descriptor, 1);

  /* Validation saw to it that every descriptor's dimension exists. */
  d->dimension_index = GPOINTER_TO_UINT (g_hash_table_lookup (collector->dimension_index,
                                                              dimension_code));
  d->dimension = g_strdup (dimension_code);
  d->lang = g_strdup (lang);
  d->text = g_strdup (text);
  g_ptr_array_add (collector->descriptors, d);
}

static void
add_localized (xmlNode    *parent,
               xmlNs      *ns,
               const char *name,
               const char *lang,
               const char *text)
{
  xmlNode *node;

  if (text == NULL || *text == '\0')
    return;

  node = xmlNewTextChild (parent, ns, (const xmlChar *) name, (const xmlChar *) text);
  xmlNodeSetLang (node, (const xmlChar *) lang);
}

static gboolean
dimension_code_is_writable (const char *code)
{
  if (!g_ascii_islower (code[0]) && !g_ascii_isdigit (code[0]))
    return FALSE;

  for (const char *p = code; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/* What the model allows but the format does not, as a sentence naming what to change. */
static gboolean
check_writable (AcrFramework  *fw,
                GError       **error)
{
  const char *code = acr_framework_get_code (fw);
  const char *country = acr_framework_get_country (fw);
  GListModel *dimensions = acr_framework_get_dimensions (fw);
  GListModel *levels = acr_framework_get_levels (fw);

  if (country != NULL &&
      (strlen (country) != 2 || !g_ascii_isupper (country[0]) || !g_ascii_isupper (country[1])))
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("The framework “%s” cannot be exported: its country “%s” is not a "
                     "two-letter ISO 3166 country code such as “DE”, which the framework format "
                     "requires. Change the country first."), code, country);
      return FALSE;
    }

  if (g_list_model_get_n_items (dimensions) == 0)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("The framework “%s” cannot be exported: it has no dimensions. Add at "
                     "least one, such as “knowledge”."), code);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, i);
      const char *dimension_code = acr_framework_dimension_get_code (dimension);

      if (!dimension_code_is_writable (dimension_code))
        {
          g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                       _("The framework “%s” cannot be exported: the dimension code “%s” may "
                         "contain only lowercase letters, digits and “-” in the framework "
                         "format. Change the code first."), code, dimension_code);
          return FALSE;
        }
    }

  if (g_list_model_get_n_items (levels) == 0)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("The framework “%s” cannot be exported: it has no levels. Add at least "
                     "one."), code);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);

      if (acr_framework_level_get_n_descriptors (level) == 0)
        {
          g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                       _("The framework “%s” cannot be exported: its level %d has no "
                         "descriptor. Describe the level in at least one dimension first."),
                       code, acr_framework_level_get_level (level));
          return FALSE;
        }
    }

  return TRUE;
}

static void
write_level (xmlNode           *parent,
             xmlNs             *ns,
             AcrFrameworkLevel *level,
             GHashTable        *dimension_index)
{
  g_autoptr(GPtrArray) descriptors = g_ptr_array_new_with_free_func (descriptor_free);
  DescriptorCollector collector = { dimension_index, descriptors };
  g_autofree char *number = g_strdup_printf ("%d", acr_framework_level_get_level (level));
  g_autofree char *uri = g_strdup_printf ("%s%d", EQF_LEVEL_URI,
                                          acr_framework_level_get_eqf_level (level));
  const char *label = acr_framework_level_get_label (level);
  xmlNode *node;

  node = xmlNewChild (parent, ns, (const xmlChar *) "level", NULL);
  xmlSetProp (node, (const xmlChar *) "number", (const xmlChar *) number);
  xmlSetProp (node, (const xmlChar *) "label",
              (const xmlChar *) (label != NULL ? label : number));
  xmlNewTextChild (node, ns, (const xmlChar *) "referencedTo", (const xmlChar *) uri);

  acr_framework_level_foreach_descriptor (level, collect_descriptor_cb, &collector);
  g_ptr_array_sort (descriptors, compare_descriptors);
  for (guint i = 0; i < descriptors->len; i++)
    {
      Descriptor *d = g_ptr_array_index (descriptors, i);
      xmlNode *child = xmlNewTextChild (node, ns, (const xmlChar *) "descriptor",
                                        (const xmlChar *) d->text);

      xmlSetProp (child, (const xmlChar *) "dimension", (const xmlChar *) d->dimension);
      xmlNodeSetLang (child, (const xmlChar *) d->lang);
    }

  add_localized (node, ns, "examples", "de", acr_framework_level_get_examples_de (level));
  add_localized (node, ns, "examples", "en", acr_framework_level_get_examples_en (level));
}

static xmlDoc *
build_document (AcrFramework *fw)
{
  g_autoptr(xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  g_autoptr(GHashTable) dimension_index = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *dimensions = acr_framework_get_dimensions (fw);
  GListModel *levels = acr_framework_get_levels (fw);
  const char *kind;
  xmlNode *root;
  xmlNode *group;
  xmlNs *ns;

  if (acr_framework_get_is_eqf (fw))
    kind = "eqf";
  else if (acr_framework_get_country (fw) != NULL)
    kind = "national";
  else
    kind = "sectoral";

  root = xmlNewDocNode (doc, NULL, (const xmlChar *) "framework", NULL);
  xmlDocSetRootElement (doc, root);
  ns = xmlNewNs (root, (const xmlChar *) ACR_FRAMEWORK_XML_NS, NULL);
  xmlSetNs (root, ns);
  xmlSetProp (root, (const xmlChar *) "code", (const xmlChar *) acr_framework_get_code (fw));
  xmlSetProp (root, (const xmlChar *) "kind", (const xmlChar *) kind);
  xmlSetProp (root, (const xmlChar *) "version",
              (const xmlChar *) acr_framework_get_version (fw));

  add_localized (root, ns, "title", "de", acr_framework_get_title_de (fw));
  add_localized (root, ns, "title", "en", acr_framework_get_title_en (fw));
  if (acr_framework_get_country (fw) != NULL)
    xmlNewTextChild (root, ns, (const xmlChar *) "country",
                     (const xmlChar *) acr_framework_get_country (fw));
  if (acr_framework_get_uri (fw) != NULL && *acr_framework_get_uri (fw) != '\0')
    xmlNewTextChild (root, ns, (const xmlChar *) "uri",
                     (const xmlChar *) acr_framework_get_uri (fw));

  group = xmlNewChild (root, ns, (const xmlChar *) "dimensions", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, i);
      xmlNode *node = xmlNewChild (group, ns, (const xmlChar *) "dimension", NULL);

      xmlSetProp (node, (const xmlChar *) "code",
                  (const xmlChar *) acr_framework_dimension_get_code (dimension));
      add_localized (node, ns, "title", "de", acr_framework_dimension_get_title_de (dimension));
      add_localized (node, ns, "title", "en", acr_framework_dimension_get_title_en (dimension));
      /* The code stays valid: the framework keeps its own reference to the dimension. */
      g_hash_table_insert (dimension_index,
                           (gpointer) acr_framework_dimension_get_code (dimension),
                           GUINT_TO_POINTER (i + 1));
    }

  group = xmlNewChild (root, ns, (const xmlChar *) "levels", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);

      write_level (group, ns, level, dimension_index);
    }

  return g_steal_pointer (&doc);
}

char *
acr_framework_export_xml (AcrFramework  *fw,
                          gsize         *len,
                          GError       **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(xmlDoc) check = NULL;
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  xmlSaveCtxtPtr save;
  gsize size;

  g_return_val_if_fail (ACR_IS_FRAMEWORK (fw), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!acr_framework_validate (fw, error) || !check_writable (fw, error))
    return NULL;

  acr_xml_init ();
  doc = build_document (fw);
  buffer = xmlBufferCreate ();
  save = xmlSaveToBuffer (buffer, "UTF-8", XML_SAVE_FORMAT);
  if (save == NULL || xmlSaveDoc (save, doc) < 0 || xmlSaveClose (save) < 0)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                   _("The framework “%s” could not be written as XML."),
                   acr_framework_get_code (fw));
      return NULL;
    }

  size = (gsize) xmlBufferLength (buffer);
  display_name = g_strdup_printf ("%s.xml", acr_framework_get_code (fw));

  /* What we hand out must be what we accept. */
  check = acr_xml_parse_untrusted ((const char *) xmlBufferContent (buffer), size,
                                   display_name, &local_error);
  if (check == NULL ||
      !acr_xml_check_root (check, ACR_FRAMEWORK_XML_NS, "framework", display_name,
                           &local_error) ||
      !acr_xml_validate (check, "framework", display_name, &local_error))
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("The framework “%s” cannot be exported: %s"),
                   acr_framework_get_code (fw), local_error->message);
      return NULL;
    }

  if (len != NULL)
    *len = size;

  return g_strndup ((const char *) xmlBufferContent (buffer), size);
}
