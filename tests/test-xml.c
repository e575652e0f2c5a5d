/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Safe parsing of untrusted XML: every hostile document is refused with the right error,
 * quickly and without touching the network or the file system. */

#include "config.h"

#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "acr-xml.h"

static xmlDoc *
parse_fixture (const char  *name,
               GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "xml", name, NULL);

  return acr_xml_parse_file_untrusted (path, error);
}

static void
test_xml_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("framework-valid.xml", &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (acr_xml_check_root (doc, "urn:accredit:framework:1", "framework",
                                     "framework-valid.xml", &error));
  g_assert_true (acr_xml_validate (doc, "framework", "framework-valid.xml", &error));
  g_assert_no_error (error);
}

static void
test_xml_schema_violation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("schema-violation.xml", &error);

  g_assert_no_error (error);
  g_assert_false (acr_xml_validate (doc, "framework", "schema-violation.xml", &error));
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  /* The message names the file, the line and the element. */
  g_assert_nonnull (strstr (error->message, "schema-violation.xml"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "line 12"));
  g_assert_nonnull (strstr (error->message, "“level”"));
}

static void
test_xml_wrong_namespace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("wrong-namespace.xml", &error);

  g_assert_no_error (error);
  g_assert_false (acr_xml_check_root (doc, "urn:accredit:framework:1", "framework",
                                      "wrong-namespace.xml", &error));
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_WRONG_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "urn:example:other"));
}

static void
test_xml_not_well_formed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("not-well-formed.xml", &error);

  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "not-well-formed.xml"));
  g_assert_nonnull (strstr (error->message, "line"));
}

static void
test_xml_doctype_refused (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture (name, &error);

  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_DOCTYPE);
  g_assert_nonnull (strstr (error->message, name));
  /* The file named by the entity never reaches the message. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_xml_too_deep (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "<a>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "</a>");

  doc = acr_xml_parse_untrusted (xml->str, xml->len, "deep.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_TOO_DEEP);
  g_assert_nonnull (strstr (error->message, "deep.xml"));
  g_string_free (xml, TRUE);
}

static void
test_xml_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acr-test-xml-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.xml", NULL);
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  /* A sparse 200 MB file: refused before a byte of it is read. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);

  doc = acr_xml_parse_file_untrusted (path, &error);
  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.xml"));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_xml_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = parse_fixture ("invalid-utf8.xml", &error);

  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
}

static void
test_xml_big_line_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  GString *xml = g_string_new ("<?xml version=\"1.0\"?>\n<a>\n");

  /* Errors deep in a large document still name the right line. */
  for (guint i = 0; i < 69997; i++)
    g_string_append (xml, "<b/>\n");
  g_string_append (xml, "<c></d>\n</a>\n");

  doc = acr_xml_parse_untrusted (xml->str, xml->len, "long.xml", &error);
  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "line 70000"));
  g_string_free (xml, TRUE);
}

static void
test_xml_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = acr_xml_parse_untrusted ("", 0, "empty.xml", &error);

  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_MALFORMED);
}

static void
test_xml_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = acr_xml_parse_file_untrusted ("/nonexistent/acr.xml", &error);

  g_assert_null (doc);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "acr.xml"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml/valid", test_xml_valid);
  g_test_add_func ("/xml/schema-violation", test_xml_schema_violation);
  g_test_add_func ("/xml/wrong-namespace", test_xml_wrong_namespace);
  g_test_add_func ("/xml/not-well-formed", test_xml_not_well_formed);
  g_test_add_data_func ("/xml/xxe-file", "xxe-file.xml", test_xml_doctype_refused);
  g_test_add_data_func ("/xml/xxe-url", "xxe-url.xml", test_xml_doctype_refused);
  g_test_add_data_func ("/xml/billion-laughs", "billion-laughs.xml", test_xml_doctype_refused);
  g_test_add_func ("/xml/too-deep", test_xml_too_deep);
  g_test_add_func ("/xml/too-large", test_xml_too_large);
  g_test_add_func ("/xml/invalid-utf8", test_xml_invalid_utf8);
  g_test_add_func ("/xml/big-line-numbers", test_xml_big_line_numbers);
  g_test_add_func ("/xml/empty", test_xml_empty);
  g_test_add_func ("/xml/missing-file", test_xml_missing_file);

  return g_test_run ();
}
