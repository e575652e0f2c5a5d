/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"

G_BEGIN_DECLS

/* The namespace of the framework format (data/schemas/framework.xsd). */
#define ACR_FRAMEWORK_XML_NS "urn:accredit:framework:1"

/* Reads a framework document from untrusted @data: safe parsing, root and namespace, the
 * schema, then the rules the schema cannot say (errors name @display_name, the line and the
 * element; ACR_XML_ERROR). Returns a new, unsaved framework (free with g_object_unref()),
 * or NULL with @error set. Touches no database. */
AcrFramework *acr_framework_new_from_xml  (const char    *data,
                                           gsize          len,
                                           const char    *display_name,
                                           GError       **error);
/* Reads a framework document and saves it in one transaction, replacing the framework with
 * the same code (its id, and so the modules assigned to it, stay). Refused (CONSTRAINT)
 * when modules are assigned to a level the document drops. On any error the database is
 * unchanged. Returns the saved framework (free with g_object_unref()), or NULL. */
AcrFramework *acr_framework_import_xml    (AcrStore      *store,
                                           const char    *data,
                                           gsize          len,
                                           const char    *display_name,
                                           GError       **error);
/* The same for the file at @path; errors name the file by its base name. */
AcrFramework *acr_framework_import_file   (AcrStore      *store,
                                           const char    *path,
                                           GError       **error);
/* The framework as a schema-valid document: UTF-8, indented by 2 spaces, elements in a fixed
 * order, languages ordered "de", "en", then the others alphabetically; nothing that changes
 * between exports (no ids or times), so export → import → export gives the same bytes.
 * Returns a NUL-terminated string (free with g_free()) and its length in @len (may be NULL),
 * or NULL with @error set: ACR_STORE_ERROR_INVALID for a framework that does not validate,
 * ACR_XML_ERROR_INVALID for one the format cannot express (a dimension code with "_", a level
 * without descriptors, …). */
char         *acr_framework_export_xml    (AcrFramework  *fw,
                                           gsize         *len,
                                           GError       **error);

G_END_DECLS
