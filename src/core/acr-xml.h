/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

#define ACR_XML_ERROR (acr_xml_error_quark ())

typedef enum
{
  ACR_XML_ERROR_FAILED,
  ACR_XML_ERROR_MALFORMED,       /* not well-formed, bad encoding */
  ACR_XML_ERROR_DOCTYPE,         /* a DOCTYPE (DTD, entities) is never accepted */
  ACR_XML_ERROR_TOO_LARGE,       /* over ACR_XML_MAX_SIZE */
  ACR_XML_ERROR_TOO_DEEP,        /* nested deeper than ACR_XML_MAX_DEPTH */
  ACR_XML_ERROR_INVALID,         /* violates the schema */
  ACR_XML_ERROR_WRONG_DOCUMENT,  /* another root element or namespace */
} AcrXmlError;

GQuark acr_xml_error_quark (void);

/* The largest document Accredit reads, and the deepest element nesting. */
#define ACR_XML_MAX_SIZE  (64 * 1024 * 1024)
#define ACR_XML_MAX_DEPTH 64

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Parses untrusted XML: no network, no DTD, no entity substitution, any DOCTYPE refused,
 * size and depth limited. @display_name names the document in errors (a file name).
 * Free the result with xmlFreeDoc(). */
xmlDoc   *acr_xml_parse_untrusted       (const char  *data,
                                         gsize        size,
                                         const char  *display_name,
                                         GError     **error);
/* The same for a file, refusing an over-large file before reading it. */
xmlDoc   *acr_xml_parse_file_untrusted  (const char  *path,
                                         GError     **error);
/* Checks the root element's name and namespace. */
gboolean  acr_xml_check_root            (xmlDoc      *doc,
                                         const char  *ns,
                                         const char  *name,
                                         const char  *display_name,
                                         GError     **error);
/* Validates @doc against our published schema @schema ("framework", "curriculum", …),
 * compiled in from data/schemas/SCHEMA.xsd. The error names the line and element. */
gboolean  acr_xml_validate              (xmlDoc      *doc,
                                         const char  *schema,
                                         const char  *display_name,
                                         GError     **error);
/* Sets up libxml2 for Accredit (external entity loader that refuses everything). Called by
 * the functions above; safe to call more than once and from any thread. */
void      acr_xml_init                  (void);

G_END_DECLS
