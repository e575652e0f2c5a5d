/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrPagedList: a GListModel that reads its rows from SQLite a page at a time.
 *
 * The number of items comes from a COUNT over the query; an item is read with its page
 * (LIMIT/OFFSET) the first time it is asked for. At most MAX_PAGES pages are cached, the
 * least recently used dropped first, so a list over 100,000 rows holds a few hundred objects.
 * A failed read logs a warning and yields NULL items: GListModel has no error channel, and
 * the list is a view, never a source of truth. */

#define G_LOG_DOMAIN "acr-paged-list"

#include "config.h"

#include "acr-paged-list-private.h"

#define PAGE_SIZE 128
#define MAX_PAGES 8

typedef struct
{
  guint      index;
  GPtrArray *items;
} Page;

struct _AcrPagedList
{
  GObject     parent_instance;

  AcrStore   *store;
  GType       item_type;
  char       *select_sql;
  char       *count_sql;
  char       *page_sql;
  GStrv       params;
  AcrRowFunc  row_func;
  guint       n_items;
  guint       pages_read;
  GQueue      pages;   /* of Page*, most recently used first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AcrPagedList, acr_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

static void
bind_params (AcrPagedList *self,
             sqlite3_stmt *stmt)
{
  for (guint i = 0; self->params != NULL && self->params[i] != NULL; i++)
    sqlite3_bind_text (stmt, i + 1, self->params[i], -1, SQLITE_TRANSIENT);
}

static guint
count_rows (AcrPagedList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (self->store, self->count_sql, &error);

  if (stmt == NULL)
    {
      g_warning ("Could not count the rows of a list: %s", error->message);
      return 0;
    }

  bind_params (self, stmt);
  if (_acr_store_step (self->store, stmt, &error) != SQLITE_ROW)
    {
      g_warning ("Could not count the rows of a list: %s", error->message);
      return 0;
    }

  return (guint) sqlite3_column_int64 (stmt, 0);
}

static Page *
read_page (AcrPagedList *self,
           guint         index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (self->store, self->page_sql, &error);
  guint n_params = self->params ? g_strv_length (self->params) : 0;
  Page *page;
  int rc;

  if (stmt == NULL)
    {
      g_warning ("Could not read a page of a list: %s", error->message);
      return NULL;
    }

  bind_params (self, stmt);
  sqlite3_bind_int (stmt, n_params + 1, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, n_params + 2, (gint64) index * PAGE_SIZE);

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (PAGE_SIZE, g_object_unref);

  while ((rc = _acr_store_step (self->store, stmt, &error)) == SQLITE_ROW)
    g_ptr_array_add (page->items, self->row_func (self->store, stmt));

  if (rc < 0)
    g_warning ("Could not read a page of a list: %s", error->message);

  self->pages_read++;
  return page;
}

static Page *
lookup_page (AcrPagedList *self,
             guint         index)
{
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      page = l->data;
      if (page->index == index)
        {
          g_queue_unlink (&self->pages, l);
          g_queue_push_head_link (&self->pages, l);
          return page;
        }
    }

  page = read_page (self, index);
  if (page == NULL)
    return NULL;

  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_PAGES)
    page_free (g_queue_pop_tail (&self->pages));

  return page;
}

static GType
acr_paged_list_get_item_type (GListModel *model)
{
  return ACR_PAGED_LIST (model)->item_type;
}

static guint
acr_paged_list_get_n_items (GListModel *model)
{
  return ACR_PAGED_LIST (model)->n_items;
}

static gpointer
acr_paged_list_get_item (GListModel *model,
                         guint       position)
{
  AcrPagedList *self = ACR_PAGED_LIST (model);
  guint offset = position % PAGE_SIZE;
  Page *page;

  if (position >= self->n_items)
    return NULL;

  page = lookup_page (self, position / PAGE_SIZE);
  if (page == NULL || offset >= page->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (page->items, offset));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = acr_paged_list_get_item_type;
  iface->get_n_items = acr_paged_list_get_n_items;
  iface->get_item = acr_paged_list_get_item;
}

static void
acr_paged_list_finalize (GObject *object)
{
  AcrPagedList *self = (AcrPagedList *) object;

  g_queue_clear_full (&self->pages, page_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->select_sql, g_free);
  g_clear_pointer (&self->count_sql, g_free);
  g_clear_pointer (&self->page_sql, g_free);
  g_clear_pointer (&self->params, g_strfreev);

  G_OBJECT_CLASS (acr_paged_list_parent_class)->finalize (object);
}

static void
acr_paged_list_class_init (AcrPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_paged_list_finalize;
}

static void
acr_paged_list_init (AcrPagedList *self)
{
  g_queue_init (&self->pages);
}

AcrPagedList *
_acr_paged_list_new (AcrStore           *store,
                     GType               item_type,
                     const char         *select_sql,
                     const char * const *params,
                     AcrRowFunc          row_func)
{
  AcrPagedList *self;
  guint n_params;

  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (select_sql != NULL, NULL);
  g_return_val_if_fail (row_func != NULL, NULL);

  self = g_object_new (ACR_TYPE_PAGED_LIST, NULL);
  self->store = g_object_ref (store);
  self->item_type = item_type;
  self->row_func = row_func;
  self->params = g_strdupv ((char **) params);
  n_params = self->params ? g_strv_length (self->params) : 0;
  self->select_sql = g_strdup (select_sql);
  self->count_sql = g_strdup_printf ("SELECT count(*) FROM (%s)", select_sql);
  self->page_sql = g_strdup_printf ("%s LIMIT ?%u OFFSET ?%u", select_sql,
                                    n_params + 1, n_params + 2);
  self->n_items = count_rows (self);

  return self;
}

void
acr_paged_list_reload (AcrPagedList *self)
{
  guint old_n_items;

  g_return_if_fail (ACR_IS_PAGED_LIST (self));

  old_n_items = self->n_items;
  g_queue_clear_full (&self->pages, page_free);
  self->n_items = count_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
}

guint
acr_paged_list_get_pages_read (AcrPagedList *self)
{
  g_return_val_if_fail (ACR_IS_PAGED_LIST (self), 0);

  return self->pages_read;
}
