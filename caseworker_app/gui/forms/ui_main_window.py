# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QMainWindow, QMenu,
    QMenuBar, QPushButton, QSizePolicy, QSplitter,
    QStackedWidget, QStatusBar, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1180, 720)
        self.actionOpenDatabase = QAction(MainWindow)
        self.actionOpenDatabase.setObjectName(u"actionOpenDatabase")
        icon = QIcon()
        icon.addFile(u"icons:database.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.actionOpenDatabase.setIcon(icon)
        self.actionOpenDatabase.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionQuit.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionFocusSearch = QAction(MainWindow)
        self.actionFocusSearch.setObjectName(u"actionFocusSearch")
        self.actionFocusSearch.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionFilterClaims = QAction(MainWindow)
        self.actionFilterClaims.setObjectName(u"actionFilterClaims")
        self.actionFilterClaims.setEnabled(False)
        self.actionFilterClaims.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionSchuldoverzicht = QAction(MainWindow)
        self.actionSchuldoverzicht.setObjectName(u"actionSchuldoverzicht")
        self.actionSchuldoverzicht.setEnabled(False)
        self.actionSchuldoverzicht.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionEditDebtor = QAction(MainWindow)
        self.actionEditDebtor.setObjectName(u"actionEditDebtor")
        self.actionEditDebtor.setEnabled(False)
        self.actionEditDebtor.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionCloseTab = QAction(MainWindow)
        self.actionCloseTab.setObjectName(u"actionCloseTab")
        self.actionCloseTab.setEnabled(False)
        self.actionCloseTab.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.centralwidget = QWidget(MainWindow)
        self.centralwidget.setObjectName(u"centralwidget")
        self.centralLayout = QHBoxLayout(self.centralwidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 6)
        self.splitter = QSplitter(self.centralwidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.searchPanel = QWidget(self.splitter)
        self.searchPanel.setObjectName(u"searchPanel")
        self.searchLayout = QVBoxLayout(self.searchPanel)
        self.searchLayout.setObjectName(u"searchLayout")
        self.searchLayout.setContentsMargins(0, 0, 6, 0)
        self.searchLabel = QLabel(self.searchPanel)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchLayout.addWidget(self.searchLabel)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchEdit = QLineEdit(self.searchPanel)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.searchButton = QPushButton(self.searchPanel)
        self.searchButton.setObjectName(u"searchButton")
        icon1 = QIcon()
        icon1.addFile(u"icons:search.svg", QSize(), QIcon.Mode.Normal, QIcon.State.Off)
        self.searchButton.setIcon(icon1)
        self.searchButton.setAutoDefault(False)

        self.searchRow.addWidget(self.searchButton)


        self.searchLayout.addLayout(self.searchRow)

        self.resultsView = QTableView(self.searchPanel)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setTabKeyNavigation(False)
        self.resultsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsView.setAlternatingRowColors(True)
        self.resultsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resultsView.setSortingEnabled(True)
        self.resultsView.setWordWrap(False)
        self.resultsView.horizontalHeader().setStretchLastSection(True)
        self.resultsView.verticalHeader().setVisible(False)
        self.resultsView.verticalHeader().setDefaultSectionSize(26)

        self.searchLayout.addWidget(self.resultsView)

        self.resultsInfo = QLabel(self.searchPanel)
        self.resultsInfo.setObjectName(u"resultsInfo")
        self.resultsInfo.setWordWrap(True)

        self.searchLayout.addWidget(self.resultsInfo)

        self.splitter.addWidget(self.searchPanel)
        self.workArea = QStackedWidget(self.splitter)
        self.workArea.setObjectName(u"workArea")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.workArea.addWidget(self.emptyPage)
        self.tabsPage = QWidget()
        self.tabsPage.setObjectName(u"tabsPage")
        self.tabsLayout = QVBoxLayout(self.tabsPage)
        self.tabsLayout.setObjectName(u"tabsLayout")
        self.tabsLayout.setContentsMargins(0, 0, 0, 0)
        self.debtorTabs = QTabWidget(self.tabsPage)
        self.debtorTabs.setObjectName(u"debtorTabs")
        self.debtorTabs.setTabsClosable(True)
        self.debtorTabs.setMovable(True)
        self.debtorTabs.setDocumentMode(True)

        self.tabsLayout.addWidget(self.debtorTabs)

        self.workArea.addWidget(self.tabsPage)
        self.splitter.addWidget(self.workArea)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralwidget)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuDebtor = QMenu(self.menubar)
        self.menuDebtor.setObjectName(u"menuDebtor")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.resultsView)
        QWidget.setTabOrder(self.resultsView, self.debtorTabs)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuDebtor.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionOpenDatabase)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuDebtor.addAction(self.actionFocusSearch)
        self.menuDebtor.addAction(self.actionFilterClaims)
        self.menuDebtor.addAction(self.actionEditDebtor)
        self.menuDebtor.addAction(self.actionSchuldoverzicht)
        self.menuDebtor.addSeparator()
        self.menuDebtor.addAction(self.actionCloseTab)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Caseworker", None))
        self.actionOpenDatabase.setText(QCoreApplication.translate("MainWindow", u"&Open database\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionOpenDatabase.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionFocusSearch.setText(QCoreApplication.translate("MainWindow", u"&Find debtor", None))
#if QT_CONFIG(shortcut)
        self.actionFocusSearch.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionFilterClaims.setText(QCoreApplication.translate("MainWindow", u"F&ilter claims", None))
#if QT_CONFIG(shortcut)
        self.actionFilterClaims.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionSchuldoverzicht.setText(QCoreApplication.translate("MainWindow", u"Debt &overview for the citizen\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionSchuldoverzicht.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+P", None))
#endif // QT_CONFIG(shortcut)
        self.actionEditDebtor.setText(QCoreApplication.translate("MainWindow", u"&Edit contact details\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionEditDebtor.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+E", None))
#endif // QT_CONFIG(shortcut)
        self.actionCloseTab.setText(QCoreApplication.translate("MainWindow", u"&Close debtor", None))
#if QT_CONFIG(shortcut)
        self.actionCloseTab.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+W", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About Caseworker", None))
        self.searchLabel.setText(QCoreApplication.translate("MainWindow", u"&Find a debtor", None))
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"BSN, name, or postcode and house number", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("MainWindow", u"Search debtor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("MainWindow", u"Type a BSN/RSIN, a name (surname first), a postcode with house number or a claim reference, then press Enter", None))
#endif // QT_CONFIG(tooltip)
        self.searchButton.setText(QCoreApplication.translate("MainWindow", u"Search", None))
#if QT_CONFIG(accessibility)
        self.resultsView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Search results", None))
#endif // QT_CONFIG(accessibility)
        self.resultsInfo.setText(QCoreApplication.translate("MainWindow", u"Type a search and press Enter.", None))
        self.emptyLabel.setText(QCoreApplication.translate("MainWindow", u"Open a debtor from the search results (Enter or double-click) to see their claims here.", None))
#if QT_CONFIG(accessibility)
        self.debtorTabs.setAccessibleName(QCoreApplication.translate("MainWindow", u"Open debtors", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuDebtor.setTitle(QCoreApplication.translate("MainWindow", u"&Debtor", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

