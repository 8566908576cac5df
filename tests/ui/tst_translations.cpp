#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

// The German translation is complete (issue 6 §8): lupdate over the GUI's sources finds no string
// without a German translation, every translation keeps the source's placeholders, and the
// compiled catalogue translates. English has the plural forms of every %n string.
class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void germanIsCompleteAfterLupdate();
    void englishHasEveryPluralForm();
    void placeholdersAreKept();
    void compiledCatalogueTranslates();

private:
    struct Entry
    {
        QString source;
        QStringList translations;
        bool unfinished = false;
        bool numerus = false;
    };
    static QList<Entry> read(const QString &path);
    // The catalogue `name` after lupdate over the GUI's sources (a copy; the tree is not touched).
    static QList<Entry> lupdated(const QString &name);
    static QString sourceDir() { return qEnvironmentVariable("AGENTDESK_SOURCE_DIR"); }
};

QList<TestTranslations::Entry> TestTranslations::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    Entry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"message") {
            current = Entry{};
            current.numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (xml.isStartElement() && xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"translation") {
            const QString type = xml.attributes().value(u"type"_s).toString();
            current.unfinished = type == u"unfinished";
            if (type == u"vanished" || type == u"obsolete") {
                current.source.clear();
                xml.skipCurrentElement();
                continue;
            }
            // Either text or <numerusform> children.
            QString text;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"numerusform")
                    current.translations << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
            }
            if (current.translations.isEmpty())
                current.translations << text;
        } else if (xml.isEndElement() && xml.name() == u"message" && !current.source.isEmpty()) {
            entries << current;
        }
    }
    return entries;
}

QList<TestTranslations::Entry> TestTranslations::lupdated(const QString &name)
{
    // lupdate over the same sources as the app's translation target, into a copy of the catalogue.
    QTemporaryDir dir;
    const QString copy = dir.filePath(name);
    if (!QFile::copy(sourceDir() + u"/translations/"_s + name, copy))
        qFatal("cannot copy %s", qPrintable(name));
    QStringList sources;
    for (const QString &layer : {u"src/app"_s, u"src/ui"_s, u"src/itemmodels"_s, u"src/runs"_s, u"qml"_s}) {
        QDirIterator it(sourceDir() + u'/' + layer, {u"*.cpp"_s, u"*.qml"_s}, QDir::Files);
        while (it.hasNext())
            sources << it.next();
    }
    QProcess lupdate;
    lupdate.start(QString::fromLocal8Bit(LUPDATE_PATH), QStringList{u"-silent"_s, u"-locations"_s, u"none"_s} + sources
                                                              + QStringList{u"-ts"_s, copy});
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0)
        qFatal("lupdate failed: %s", lupdate.readAllStandardError().constData());
    return read(copy);
}

void TestTranslations::germanIsCompleteAfterLupdate()
{
    const QList<Entry> entries = lupdated(u"agentdesk_de.ts"_s);
    QVERIFY(entries.size() > 300);
    QStringList unfinished;
    for (const Entry &e : entries) {
        if (e.unfinished || e.translations.join(QString()).trimmed().isEmpty())
            unfinished << e.source;
    }
    QVERIFY2(unfinished.isEmpty(), qPrintable(u"without German: "_s + unfinished.join(u" | "_s)));
}

// English needs only its plural forms ("1 file", "2 files"); other strings show their source.
void TestTranslations::englishHasEveryPluralForm()
{
    const QList<Entry> entries = lupdated(u"agentdesk_en.ts"_s);
    QStringList missing;
    int plurals = 0;
    for (const Entry &e : entries) {
        if (!e.numerus)
            continue;
        ++plurals;
        if (e.unfinished || e.translations.size() != 2 || e.translations.contains(QString()))
            missing << e.source;
    }
    QVERIFY(plurals >= 7);
    QVERIFY2(missing.isEmpty(), qPrintable(u"without English plural forms: "_s + missing.join(u" | "_s)));
}

void TestTranslations::placeholdersAreKept()
{
    static const QRegularExpression placeholder(u"%(\\d|n)"_s);
    QStringList wrong;
    for (const Entry &e : read(sourceDir() + u"/translations/agentdesk_de.ts"_s)) {
        QStringList expected;
        for (auto it = placeholder.globalMatch(e.source); it.hasNext();)
            expected << it.next().captured();
        expected.sort();
        for (const QString &t : e.translations) {
            QStringList found;
            for (auto it = placeholder.globalMatch(t); it.hasNext();)
                found << it.next().captured();
            found.sort();
            if (found != expected)
                wrong << e.source + u" → "_s + t;
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
}

void TestTranslations::compiledCatalogueTranslates()
{
    QTranslator translator;
    QVERIFY(translator.load(QString::fromLocal8Bit(GERMAN_QM_PATH)));
    QCOMPARE(translator.translate("AgentDesk::SettingsDialog", "Settings"), u"Einstellungen"_s);
    // The plural form for the count (tr() puts the number in).
    QCOMPARE(translator.translate("AgentDesk::MessageDelegate", "Thought for %n second(s)", nullptr, 3), u"%n Sekunden nachgedacht"_s);
    QCOMPARE(translator.translate("AgentDesk::MessageDelegate", "Thought for %n second(s)", nullptr, 1), u"%n Sekunde nachgedacht"_s);
    QCOMPARE(translator.translate("AgentDesk::ThreadSidebar", "Previous 7 days"), u"Letzte 7 Tage"_s);
}

QTEST_APPLESS_MAIN(TestTranslations)
#include "tst_translations.moc"
