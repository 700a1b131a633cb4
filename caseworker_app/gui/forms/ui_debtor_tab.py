# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'debtor_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFrame, QGridLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_DebtorTab(object):
    def setupUi(self, DebtorTab):
        if not DebtorTab.objectName():
            DebtorTab.setObjectName(u"DebtorTab")
        self.mainLayout = QVBoxLayout(DebtorTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.header = QFrame(DebtorTab)
        self.header.setObjectName(u"header")
        self.header.setFrameShape(QFrame.Shape.StyledPanel)
        self.headerLayout = QGridLayout(self.header)
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerLayout.setHorizontalSpacing(12)
        self.nameLabel = QLabel(self.header)
        self.nameLabel.setObjectName(u"nameLabel")
        self.nameLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.nameLabel, 0, 0, 1, 2)

        self.fraudLabel = QLabel(self.header)
        self.fraudLabel.setObjectName(u"fraudLabel")

        self.headerLayout.addWidget(self.fraudLabel, 0, 2, 1, 1)

        self.editButton = QPushButton(self.header)
        self.editButton.setObjectName(u"editButton")
        self.editButton.setEnabled(False)

        self.headerLayout.addWidget(self.editButton, 0, 3, 1, 1, Qt.AlignmentFlag.AlignRight)

        self.bsnCaption = QLabel(self.header)
        self.bsnCaption.setObjectName(u"bsnCaption")

        self.headerLayout.addWidget(self.bsnCaption, 1, 0, 1, 1)

        self.bsnValue = QLabel(self.header)
        self.bsnValue.setObjectName(u"bsnValue")
        self.bsnValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.bsnValue, 1, 1, 1, 1)

        self.doelgroepCaption = QLabel(self.header)
        self.doelgroepCaption.setObjectName(u"doelgroepCaption")

        self.headerLayout.addWidget(self.doelgroepCaption, 1, 2, 1, 1)

        self.doelgroepValue = QLabel(self.header)
        self.doelgroepValue.setObjectName(u"doelgroepValue")

        self.headerLayout.addWidget(self.doelgroepValue, 1, 3, 1, 1)

        self.addressCaption = QLabel(self.header)
        self.addressCaption.setObjectName(u"addressCaption")

        self.headerLayout.addWidget(self.addressCaption, 2, 0, 1, 1)

        self.addressValue = QLabel(self.header)
        self.addressValue.setObjectName(u"addressValue")
        self.addressValue.setWordWrap(True)
        self.addressValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.addressValue, 2, 1, 1, 1)

        self.householdCaption = QLabel(self.header)
        self.householdCaption.setObjectName(u"householdCaption")

        self.headerLayout.addWidget(self.householdCaption, 2, 2, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.householdValue = QLabel(self.header)
        self.householdValue.setObjectName(u"householdValue")
        self.householdValue.setWordWrap(True)

        self.headerLayout.addWidget(self.householdValue, 2, 3, 2, 1, Qt.AlignmentFlag.AlignTop)

        self.contactCaption = QLabel(self.header)
        self.contactCaption.setObjectName(u"contactCaption")

        self.headerLayout.addWidget(self.contactCaption, 3, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.contactValue = QLabel(self.header)
        self.contactValue.setObjectName(u"contactValue")
        self.contactValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerLayout.addWidget(self.contactValue, 3, 1, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.headerLayout.setColumnStretch(1, 1)
        self.headerLayout.setColumnStretch(3, 1)

        self.mainLayout.addWidget(self.header)

        self.claimsLabel = QLabel(DebtorTab)
        self.claimsLabel.setObjectName(u"claimsLabel")

        self.mainLayout.addWidget(self.claimsLabel)

        self.claimsView = QTableView(DebtorTab)
        self.claimsView.setObjectName(u"claimsView")
        self.claimsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.claimsView.setAlternatingRowColors(True)
        self.claimsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.claimsView.setSortingEnabled(True)
        self.claimsView.setWordWrap(False)
        self.claimsView.horizontalHeader().setStretchLastSection(True)
        self.claimsView.verticalHeader().setVisible(False)
        self.claimsView.verticalHeader().setDefaultSectionSize(26)

        self.mainLayout.addWidget(self.claimsView)

        self.totalsLabel = QLabel(DebtorTab)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.mainLayout.addWidget(self.totalsLabel)

#if QT_CONFIG(shortcut)
        self.claimsLabel.setBuddy(self.claimsView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DebtorTab)

        QMetaObject.connectSlotsByName(DebtorTab)
    # setupUi

    def retranslateUi(self, DebtorTab):
        self.nameLabel.setText(QCoreApplication.translate("DebtorTab", u"Loading\u2026", None))
        self.fraudLabel.setText(QCoreApplication.translate("DebtorTab", u"Fraud flag", None))
#if QT_CONFIG(tooltip)
        self.fraudLabel.setToolTip(QCoreApplication.translate("DebtorTab", u"This debtor carries a fraud flag: no kwijtschelding or maatwerk without the team lead.", None))
#endif // QT_CONFIG(tooltip)
        self.editButton.setText(QCoreApplication.translate("DebtorTab", u"&Edit contact details\u2026", None))
        self.bsnCaption.setText(QCoreApplication.translate("DebtorTab", u"BSN/RSIN:", None))
        self.doelgroepCaption.setText(QCoreApplication.translate("DebtorTab", u"Target group:", None))
        self.addressCaption.setText(QCoreApplication.translate("DebtorTab", u"Address:", None))
        self.householdCaption.setText(QCoreApplication.translate("DebtorTab", u"Household:", None))
        self.contactCaption.setText(QCoreApplication.translate("DebtorTab", u"Contact:", None))
        self.claimsLabel.setText(QCoreApplication.translate("DebtorTab", u"&Claims", None))
#if QT_CONFIG(accessibility)
        self.claimsView.setAccessibleName(QCoreApplication.translate("DebtorTab", u"Claims of this debtor", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

