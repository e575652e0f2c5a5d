/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrWindow: the main window: a sidebar of places beside a stack of pages, in a leaflet
 * that folds to one column on narrow widths (the content then gets a back button), and a
 * toast overlay for messages and errors.
 *
 * The stack's pages, declared in acr-window.ui with their names, titles and icons, are the
 * single list of places: the sidebar is built from the stack's pages model, so a row's
 * index is its page's index. The visible place, the window size and the maximized state are
 * kept in the settings; the window only reads the store through its pages. */

#define G_LOG_DOMAIN "acr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-curricula-page.h"
#include "acr-frameworks-page.h"
#include "acr-learners-page.h"
#include "acr-list-page.h"
#include "acr-modules-page.h"
#include "acr-settings.h"
#include "acr-window.h"

/* How long an error toast stays, in seconds; a plain one stays the default 5. */
#define ERROR_TOAST_TIMEOUT 10

struct _AcrWindow
{
  AdwApplicationWindow  parent_instance;

  AcrStore             *store;
  AcrSettings          *settings;
  GListModel           *pages;

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkStack             *stack;
  AcrListPage          *curricula_page;
  AcrListPage          *frameworks_page;
  AcrListPage          *modules_page;
  AcrListPage          *learners_page;

  guint                 ready : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PLACE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrWindow, acr_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_sidebar_row_cb (gpointer item,
                       gpointer user_data)
{
  GtkStackPage *page = item;
  const char *title = gtk_stack_page_get_title (page);
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *image;
  GtkWidget *label;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  image = gtk_image_new_from_icon_name (gtk_stack_page_get_icon_name (page));
  gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  return row;
}

/* The index of the visible page in the pages model, or -1. */
static int
find_visible_index (AcrWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  guint n_pages = g_list_model_get_n_items (self->pages);

  for (guint i = 0; i < n_pages; i++)
    {
      /* GTK 4.8 has no autoptr for GtkStackPage. */
      g_autoptr(GObject) page = g_list_model_get_item (self->pages, i);

      if (gtk_stack_page_get_child (GTK_STACK_PAGE (page)) == child)
        return (int) i;
    }

  return -1;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AcrWindow *self = ACR_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AcrWindow *self = ACR_WINDOW (widget);
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  if (!ACR_IS_LIST_PAGE (child))
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  acr_list_page_focus_search (ACR_LIST_PAGE (child));
}

static void
on_sidebar_row_selected_cb (AcrWindow     *self,
                            GtkListBoxRow *row,
                            GtkListBox    *sidebar)
{
  g_autoptr(GObject) page = NULL;

  if (row == NULL)
    return;

  page = g_list_model_get_item (self->pages, gtk_list_box_row_get_index (row));
  if (page != NULL)
    gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (GTK_STACK_PAGE (page)));
}

static void
on_sidebar_row_activated_cb (AcrWindow     *self,
                             GtkListBoxRow *row,
                             GtkListBox    *sidebar)
{
  /* Folded, choosing a place shows it; unfolded, it is already beside the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_visible_child_cb (AcrWindow  *self,
                     GParamSpec *pspec,
                     GtkStack   *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  GtkListBoxRow *row;
  const char *name;
  int index;

  if (child == NULL || self->pages == NULL)
    return;

  adw_window_title_set_title (self->content_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", ACR_IS_LIST_PAGE (child));

  index = find_visible_index (self);
  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  name = gtk_stack_get_visible_child_name (stack);
  if (self->ready && name != NULL)
    acr_settings_set_last_place (self->settings, name);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACE]);
}

static void
restore_window_state (AcrWindow *self)
{
  GSettings *settings = G_SETTINGS (self->settings);
  int width = g_settings_get_int (settings, ACR_SETTINGS_WINDOW_WIDTH);
  int height = g_settings_get_int (settings, ACR_SETTINGS_WINDOW_HEIGHT);

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, ACR_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (AcrWindow *self)
{
  GSettings *settings = G_SETTINGS (self->settings);
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  /* The unmaximized size is what a later start restores to. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (settings, ACR_SETTINGS_WINDOW_WIDTH, width);
      g_settings_set_int (settings, ACR_SETTINGS_WINDOW_HEIGHT, height);
    }
  g_settings_set_boolean (settings, ACR_SETTINGS_WINDOW_MAXIMIZED, maximized);
}

static gboolean
acr_window_close_request (GtkWindow *window)
{
  save_window_state (ACR_WINDOW (window));

  return GTK_WINDOW_CLASS (acr_window_parent_class)->close_request (window);
}

static void
acr_window_constructed (GObject *object)
{
  AcrWindow *self = ACR_WINDOW (object);
  g_autofree char *place = NULL;

  G_OBJECT_CLASS (acr_window_parent_class)->constructed (object);

  acr_list_page_set_store (self->curricula_page, self->store);
  acr_list_page_set_store (self->frameworks_page, self->store);
  acr_list_page_set_store (self->modules_page, self->store);
  acr_list_page_set_store (self->learners_page, self->store);

  place = acr_settings_dup_last_place (self->settings);
  if (gtk_stack_get_child_by_name (self->stack, place) != NULL)
    gtk_stack_set_visible_child_name (self->stack, place);
  on_visible_child_cb (self, NULL, self->stack);

  /* Keyboard users start on the place shown, folded or not. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));

  self->ready = TRUE;
}

static void
acr_window_dispose (GObject *object)
{
  AcrWindow *self = ACR_WINDOW (object);

  self->ready = FALSE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_WINDOW);

  g_clear_object (&self->pages);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (acr_window_parent_class)->dispose (object);
}

static void
acr_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AcrWindow *self = ACR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PLACE:
      g_value_set_string (value, acr_window_get_place (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AcrWindow *self = ACR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PLACE:
      acr_window_set_place (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_window_class_init (AcrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = acr_window_constructed;
  object_class->dispose = acr_window_dispose;
  object_class->get_property = acr_window_get_property;
  object_class->set_property = acr_window_set_property;

  window_class->close_request = acr_window_close_request;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_PLACE] =
    g_param_spec_string ("place", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ACR_TYPE_CURRICULA_PAGE);
  g_type_ensure (ACR_TYPE_FRAMEWORKS_PAGE);
  g_type_ensure (ACR_TYPE_LEARNERS_PAGE);
  g_type_ensure (ACR_TYPE_MODULES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, curricula_page);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, frameworks_page);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, modules_page);
  gtk_widget_class_bind_template_child (widget_class, AcrWindow, learners_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
}

static void
acr_window_init (AcrWindow *self)
{
  self->settings = acr_settings_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = G_LIST_MODEL (gtk_stack_get_pages (self->stack));
  gtk_list_box_bind_model (self->sidebar, self->pages, create_sidebar_row_cb, NULL, NULL);

  restore_window_state (self);
}

AcrWindow *
acr_window_new (GtkApplication *application,
                AcrStore       *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  return g_object_new (ACR_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

AcrStore *
acr_window_get_store (AcrWindow *self)
{
  g_return_val_if_fail (ACR_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
acr_window_get_place (AcrWindow *self)
{
  g_return_val_if_fail (ACR_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
acr_window_set_place (AcrWindow  *self,
                      const char *place)
{
  g_return_if_fail (ACR_IS_WINDOW (self));

  if (place != NULL && gtk_stack_get_child_by_name (self->stack, place) != NULL)
    gtk_stack_set_visible_child_name (self->stack, place);
}

void
acr_window_show_toast (AcrWindow  *self,
                       const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ACR_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* A toast's title is markup. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
acr_window_add_toast (AcrWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (ACR_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
acr_window_show_error (AcrWindow    *self,
                       const GError *error)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (ACR_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, ERROR_TOAST_TIMEOUT);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
