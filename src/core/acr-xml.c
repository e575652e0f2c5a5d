/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Safe reading of untrusted XML, and validation against our published schemas.
 *
 * Every document Accredit reads from outside (frameworks, curricula, credentials, revocation
 * lists) goes through acr_xml_parse_untrusted():
 *  - no network (XML_PARSE_NONET) and an external entity loader that refuses everything (but,
 *    while compiling one of our schemas, the compiled-in schemas it imports), so
 *    neither a DTD, an XInclude nor a schema location can make us open a file or a URL;
 *  - no entity substitution, no DTD loading or attribute defaulting, and a DOCTYPE stops the
 *    parser the moment it is seen (before any entity is declared): billion laughs and XXE
 *    never get a chance;
 *  - at most ACR_XML_MAX_SIZE bytes and ACR_XML_MAX_DEPTH levels of elements.
 * The first problem becomes a GError naming the document, the line and, where known, the
 * element. Schemas are compiled once from the GResource and shared between threads (a parsed
 * xmlSchema is read-only; each validation has its own context). */

#define G_LOG_DOMAIN "acr-xml"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "acr-core-resources.h"
#include "acr-xml.h"

G_DEFINE_QUARK (acr-xml-error-quark, acr_xml_error)

typedef struct
{
  const char *display_name;
  GError     *error;
  guint       depth;
  guint       doctype : 1;
  guint       too_deep : 1;
} ParseState;

static startElementNsSAX2Func default_start_element;
static endElementNsSAX2Func default_end_element;

/* Set while this thread compiles one of our schemas: only then may the loader below serve
 * the schemas' imports (xml.xsd), and only from the compiled-in resources. */
static GPrivate compiling_schema;

static xmlParserInputPtr
load_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  ctxt)
{
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  GBytes *bytes;
  xmlParserInputPtr input;

  /* Nothing outside the document is ever loaded: no file, no URL, no DTD. */
  if (url == NULL || g_private_get (&compiling_schema) == NULL)
    return NULL;

  base = g_path_get_basename (url);
  path = g_strdup_printf ("/io/github/accredit/core/schemas/%s", base);
  bytes = g_resource_lookup_data (acr_core_get_resource (), path, 0, NULL);
  if (bytes == NULL)
    return NULL;

  /* Resource data is static and NUL-terminated, so it outlives the input. */
  input = xmlNewStringInputStream (ctxt, g_bytes_get_data (bytes, NULL));
  g_bytes_unref (bytes);
  return input;
}

void
acr_xml_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlSAXHandler sax;

      xmlInitParser ();
      xmlSetExternalEntityLoader (load_external_entity);
      xmlSAXVersion (&sax, 2);
      default_start_element = sax.startElementNs;
      default_end_element = sax.endElementNs;
      g_once_init_leave (&initialized, 1);
    }
}

static void
set_first_error (ParseState *state,
                 int         code,
                 const char *format,
                 ...) G_GNUC_PRINTF (3, 4);

static void
set_first_error (ParseState *state,
                 int         code,
                 const char *format,
                 ...)
{
  va_list args;

  if (state->error != NULL)
    return;

  va_start (args, format);
  state->error = g_error_new_valist (ACR_XML_ERROR, code, format, args);
  va_end (args);
}

static char *
clean_message (const char *message)
{
  char *copy = g_strdup (message ? message : "");

  return g_strstrip (copy);
}

static void
parse_error_cb (void        *user_data,
                xmlErrorPtr  err)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *message = NULL;

  if (err == NULL || err->level < XML_ERR_ERROR || state->error != NULL)
    return;

  message = clean_message (err->message);

  if (err->code == XML_ERR_INVALID_CHAR || err->code == XML_ERR_INVALID_ENCODING ||
      err->code == XML_ERR_UNKNOWN_ENCODING || err->code == XML_ERR_UNSUPPORTED_ENCODING)
    set_first_error (state, ACR_XML_ERROR_MALFORMED,
                     _("“%s” is not valid UTF-8 text (line %d): %s. Save it as UTF-8 and "
                       "try again."), state->display_name, err->line, message);
  else if (strstr (message, "depth") != NULL)
    set_first_error (state, ACR_XML_ERROR_TOO_DEEP,
                     _("“%s” nests its elements too deeply (line %d). Accredit reads at most %d "
                       "levels."), state->display_name, err->line, ACR_XML_MAX_DEPTH);
  else
    set_first_error (state, ACR_XML_ERROR_MALFORMED,
                     _("“%s” is not well-formed XML (line %d): %s."), state->display_name,
                     err->line, message);
}

static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->doctype = TRUE;
  set_first_error (state, ACR_XML_ERROR_DOCTYPE,
                   _("“%s” contains a document type declaration (DOCTYPE, line %d). Accredit "
                     "never reads DTDs or entity declarations, since they can be used to read "
                     "files or exhaust memory. Remove the declaration."),
                   state->display_name, xmlSAX2GetLineNumber (ctxt));
  xmlStopParser (ctxt);
}

static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             nb_namespaces,
                  const xmlChar **namespaces,
                  int             nb_attributes,
                  int             nb_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (++state->depth > ACR_XML_MAX_DEPTH)
    {
      state->too_deep = TRUE;
      set_first_error (state, ACR_XML_ERROR_TOO_DEEP,
                       _("“%s” nests its elements too deeply (line %d, element “%s”). Accredit "
                         "reads at most %d levels."), state->display_name,
                       xmlSAX2GetLineNumber (ctxt), (const char *) localname, ACR_XML_MAX_DEPTH);
      xmlStopParser (ctxt);
      return;
    }

  default_start_element (user_data, localname, prefix, uri, nb_namespaces, namespaces,
                         nb_attributes, nb_defaulted, attributes);
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->depth--;
  default_end_element (user_data, localname, prefix, uri);
}

#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                       XML_PARSE_NOXINCNODE | XML_PARSE_BIG_LINES)

/* Parses from memory (@fd < 0) or from an open file, with the hooks above. */
static xmlDoc *
parse_checked (const char  *data,
               gsize        size,
               int          fd,
               const char  *display_name,
               GError     **error)
{
  ParseState state = { 0 };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;

  acr_xml_init ();
  state.display_name = display_name;

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error_literal (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                           _("Out of memory while reading XML."));
      return NULL;
    }

  ctxt->_private = &state;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->startElementNs = start_element_cb;
  ctxt->sax->endElementNs = end_element_cb;

  /* xmlCtxtReadFd, unlike xmlCtxtReadFile, does not go through the entity loader; and it
   * streams, so a large file is never held in memory next to its tree. */
  if (fd >= 0)
    doc = xmlCtxtReadFd (ctxt, fd, display_name, NULL, PARSE_OPTIONS);
  else
    doc = xmlCtxtReadMemory (ctxt, data, (int) size, display_name, NULL, PARSE_OPTIONS);

  if (state.error == NULL && (doc == NULL || !ctxt->wellFormed))
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *message = clean_message (err ? err->message : NULL);

      set_first_error (&state, ACR_XML_ERROR_MALFORMED,
                       _("“%s” is not well-formed XML (line %d): %s."), display_name,
                       err ? err->line : 0, message);
    }

  if (state.error == NULL && doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    set_first_error (&state, ACR_XML_ERROR_DOCTYPE,
                     _("“%s” contains a document type declaration (DOCTYPE). Remove it."),
                     display_name);

  xmlFreeParserCtxt (ctxt);

  if (state.error != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_propagate_error (error, state.error);
      return NULL;
    }

  return doc;
}

xmlDoc *
acr_xml_parse_untrusted (const char  *data,
                         gsize        size,
                         const char  *display_name,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (size > ACR_XML_MAX_SIZE)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_TOO_LARGE,
                   _("“%s” is too large (%zu MB). Accredit reads XML documents "
                     "of up to %d MB."), display_name, size / (1024 * 1024),
                   ACR_XML_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (size == 0)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED,
                   _("“%s” is empty."), display_name);
      return NULL;
    }

  return parse_checked (data, size, -1, display_name, error);
}

xmlDoc *
acr_xml_parse_file_untrusted (const char  *path,
                              GError     **error)
{
  g_autofree char *display_name = NULL;
  GStatBuf st;
  xmlDoc *doc;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display_name = g_filename_display_basename (path);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int errsv = errno;

      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                   _("Could not read “%s”: %s."), display_name, g_strerror (errsv));
      if (fd >= 0)
        close (fd);
      return NULL;
    }

  if (!S_ISREG (st.st_mode) || st.st_size > ACR_XML_MAX_SIZE || st.st_size == 0)
    {
      if (!S_ISREG (st.st_mode))
        g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                     _("Could not read “%s”: it is not a regular file."), display_name);
      else if (st.st_size == 0)
        g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED,
                     _("“%s” is empty."), display_name);
      else
        g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_TOO_LARGE,
                     _("“%s” is too large (%" PRId64 " MB). Accredit reads XML "
                       "documents of up to %d MB."), display_name,
                     (gint64) st.st_size / (1024 * 1024), ACR_XML_MAX_SIZE / (1024 * 1024));
      close (fd);
      return NULL;
    }

  doc = parse_checked (NULL, 0, fd, display_name, error);
  close (fd);
  return doc;
}

gboolean
acr_xml_check_root (xmlDoc      *doc,
                    const char  *ns,
                    const char  *name,
                    const char  *display_name,
                    GError     **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  const char *root_ns;

  g_return_val_if_fail (doc != NULL, FALSE);

  root_ns = root && root->ns ? (const char *) root->ns->href : "";

  if (root == NULL || !g_str_equal ((const char *) root->name, name) ||
      !g_str_equal (root_ns, ns))
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_WRONG_DOCUMENT,
                   _("“%s” is not the expected kind of document: its root element is “%s” in "
                     "the namespace “%s”, but “%s” in the namespace “%s” is needed."),
                   display_name, root ? (const char *) root->name : "", root_ns, name, ns);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *display_name;
  GError     *error;
} ValidateState;

static void
validate_error_cb (void        *user_data,
                   xmlErrorPtr  err)
{
  ValidateState *state = user_data;
  g_autofree char *message = NULL;
  const char *element;

  if (err == NULL || err->level < XML_ERR_ERROR || state->error != NULL)
    return;

  message = clean_message (err->message);
  element = err->node ? (const char *) ((xmlNode *) err->node)->name : "";

  state->error = g_error_new (ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                              _("“%s” does not follow its schema at line %d, element “%s”: %s"),
                              state->display_name, err->line, element, message);
}

static xmlSchema *
compile_schema (const char *name)
{
  g_autofree char *path = g_strdup_printf ("/io/github/accredit/core/schemas/%s.xsd", name);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (acr_core_get_resource (), path, 0, NULL);
  xmlSchemaParserCtxtPtr pctxt;
  xmlSchema *schema;

  if (bytes == NULL)
    return NULL;

  g_private_set (&compiling_schema, GINT_TO_POINTER (1));
  pctxt = xmlSchemaNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                     (int) g_bytes_get_size (bytes));
  schema = xmlSchemaParse (pctxt);
  xmlSchemaFreeParserCtxt (pctxt);
  g_private_set (&compiling_schema, NULL);

  if (schema == NULL)
    g_critical ("The compiled-in schema %s does not compile", name);

  return schema;
}

static xmlSchema *
get_schema (const char *name)
{
  static GMutex lock;
  static GHashTable *schemas;
  xmlSchema *schema;

  g_mutex_lock (&lock);
  if (schemas == NULL)
    schemas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  schema = g_hash_table_lookup (schemas, name);
  if (schema == NULL)
    {
      schema = compile_schema (name);
      if (schema != NULL)
        g_hash_table_insert (schemas, g_strdup (name), schema);
    }
  g_mutex_unlock (&lock);

  return schema;
}

gboolean
acr_xml_validate (xmlDoc      *doc,
                  const char  *schema_name,
                  const char  *display_name,
                  GError     **error)
{
  ValidateState state = { display_name, NULL };
  xmlSchemaValidCtxtPtr vctxt;
  xmlSchema *schema;
  int rc;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (schema_name != NULL, FALSE);

  acr_xml_init ();

  schema = get_schema (schema_name);
  if (schema == NULL)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED,
                   _("The schema “%s” is missing from this build of Accredit."), schema_name);
      return FALSE;
    }

  vctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (vctxt, validate_error_cb, &state);
  rc = xmlSchemaValidateDoc (vctxt, doc);
  xmlSchemaFreeValidCtxt (vctxt);

  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      return FALSE;
    }

  if (rc != 0)
    {
      g_set_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID,
                   _("“%s” does not follow its schema."), display_name);
      return FALSE;
    }

  return TRUE;
}
