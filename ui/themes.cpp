#include "themes.h"

#include <QApplication>
#include <QCoreApplication>
#include <QPointer>
#include <QStyle>
#include <QStyleFactory>
#include <QTimer>

#include <optional>

namespace Vigil {

namespace {

struct DesktopLook
{
    QPalette palette;
    QString style;
    /** The desktop set the application's palette itself (some desktops' platform integrations
     *  do); false while the palette is the platform theme's, which Qt keeps current. */
    bool paletteSet = false;
};

std::optional<DesktopLook> &desktopLook()
{
    static std::optional<DesktopLook> look;
    return look;
}

Theme &current()
{
    static Theme theme = Theme::System;
    return theme;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x22, 0x26);
    const QColor base(0x17, 0x19, 0x1c);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x27, 0x2c));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa6));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x30, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3e, 0x44));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x36, 0x3b));
    p.setColor(QPalette::Mid, QColor(0x4a, 0x4e, 0x55));
    p.setColor(QPalette::Dark, QColor(0x12, 0x13, 0x15));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xbf));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9c, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7f, 0x85));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3a, 0x3e, 0x44));
    return p;
}

QPalette highContrastPalette()
{
    // Black and white with yellow and cyan marks, as the desktops' high-contrast themes do.
    QPalette p;
    for (QPalette::ColorRole role :
         {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button,
          QPalette::ToolTipBase, QPalette::Dark, QPalette::Shadow})
        p.setColor(role, Qt::black);
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
          QPalette::BrightText, QPalette::Light, QPalette::Midlight, QPalette::Mid})
        p.setColor(role, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::PlaceholderText, QColor(0xd0, 0xd0, 0xd0));
    p.setColor(QPalette::Highlight, QColor(0xff, 0xff, 0x00));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(0x00, 0xff, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0x00, 0xff, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x3f, 0xff, 0x3f));
    return p;
}

QPalette lightPalette()
{
    QPalette p;
    const QColor text(0x1b, 0x1b, 0x1b);
    p.setColor(QPalette::Window, QColor(0xf3, 0xf3, 0xf3));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf7, 0xfa));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe1));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfa, 0xfa, 0xfa));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xc4, 0x2b, 0x1c));
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe3, 0xe3, 0xe3));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xb8, 0xb8));
    p.setColor(QPalette::Dark, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Shadow, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Highlight, QColor(0x00, 0x67, 0xc0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x00, 0x5a, 0x9e));
    p.setColor(QPalette::LinkVisited, QColor(0x6b, 0x2f, 0xa6));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x8a, 0x8a, 0x8a));
    return p;
}

void rememberDesktop()
{
    if (!desktopLook())
        desktopLook()
                = DesktopLook{QApplication::palette(),
                              QApplication::style() ? QApplication::style()->name() : QString(),
                              QCoreApplication::testAttribute(Qt::AA_SetPalette)};
}

/** Sets the palette (and style) of theme; the palette changes this causes are Vigil's own. */
void setLook(Theme theme);

/**
 * @brief Follows the desktop while Vigil runs: watches the application for palette and theme
 * changes that Vigil did not make. The desktop's palette is remembered for "Follow the desktop";
 * while one of Vigil's themes is chosen, Vigil's palette is put back over it.
 */
class DesktopFollower : public QObject
{
public:
    explicit DesktopFollower(QObject *parent)
        : QObject(parent)
    {
        m_reapply.setSingleShot(true);
        m_reapply.setInterval(0);
        connect(&m_reapply, &QTimer::timeout, this, [] {
            if (current() != Theme::System)
                setLook(current());
        });
    }

    bool applying = false; ///< Vigil is setting the palette or style now

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Installed on the application, this sees every object's events: only two types matter.
        if (event->type() == QEvent::ApplicationPaletteChange && watched == qApp && !applying) {
            // The desktop set a palette: it is the desktop's look from now on.
            desktopLook()->palette = QApplication::palette();
            desktopLook()->paletteSet = QCoreApplication::testAttribute(Qt::AA_SetPalette);
            if (current() != Theme::System)
                m_reapply.start();
        } else if (event->type() == QEvent::ThemeChange && !applying
                   && current() != Theme::System) {
            // The platform theme changed (light and dark, contrast, style): Qt resolves the
            // application palette again; Vigil's own stays.
            m_reapply.start();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QTimer m_reapply; ///< puts Vigil's palette back once the desktop's change is done
};

QPointer<DesktopFollower> &follower()
{
    static QPointer<DesktopFollower> instance;
    return instance;
}

void setLook(Theme theme)
{
    DesktopFollower *watch = follower();
    if (watch)
        watch->applying = true;
    if (theme == Theme::System) {
        const DesktopLook &desktop = *desktopLook();
        if (!desktop.style.isEmpty()
            && desktop.style.compare(QApplication::style()->name(), Qt::CaseInsensitive) != 0)
            QApplication::setStyle(desktop.style);
        if (desktop.paletteSet) {
            QApplication::setPalette(desktop.palette);
        } else {
            // Nothing set: Qt takes the platform theme's palette as it is now, and again each
            // time the desktop changes.
            QPalette unset = QApplication::palette();
            unset.setResolveMask(0);
            QApplication::setPalette(unset);
        }
    } else {
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive)
            != 0)
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(themePalette(theme));
    }
    if (watch)
        watch->applying = false;
}

} // namespace

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::System:
        break;
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString &key)
{
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        if (key == themeKey(theme))
            return theme;
    }
    return Theme::System;
}

QString themeLabel(Theme theme)
{
    switch (theme) {
    case Theme::System:
        break;
    case Theme::Light:
        return QCoreApplication::translate("Vigil::Theme", "&Light");
    case Theme::Dark:
        return QCoreApplication::translate("Vigil::Theme", "&Dark");
    case Theme::HighContrast:
        return QCoreApplication::translate("Vigil::Theme", "&High contrast");
    }
    return QCoreApplication::translate("Vigil::Theme", "&Follow the desktop");
}

QPalette themePalette(Theme theme)
{
    switch (theme) {
    case Theme::System:
        break;
    case Theme::Light:
        return lightPalette();
    case Theme::Dark:
        return darkPalette();
    case Theme::HighContrast:
        return highContrastPalette();
    }
    rememberDesktop();
    return desktopLook()->palette;
}

void applyTheme(Theme theme)
{
    rememberDesktop();
    if (theme == current())
        return;
    current() = theme;
    setLook(theme);
}

void followDesktop()
{
    rememberDesktop();
    if (follower() || !qApp)
        return;
    follower() = new DesktopFollower(qApp);
    qApp->installEventFilter(follower());
}

Theme currentTheme()
{
    return current();
}

} // namespace Vigil
