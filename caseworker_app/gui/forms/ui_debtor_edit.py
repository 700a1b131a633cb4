# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'debtor_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_DebtorEditDialog(object):
    def setupUi(self, DebtorEditDialog):
        if not DebtorEditDialog.objectName():
            DebtorEditDialog.setObjectName(u"DebtorEditDialog")
        DebtorEditDialog.resize(460, 420)
        self.mainLayout = QVBoxLayout(DebtorEditDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DebtorEditDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.voornamenLabel = QLabel(DebtorEditDialog)
        self.voornamenLabel.setObjectName(u"voornamenLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.voornamenLabel)

        self.voornamenEdit = QLineEdit(DebtorEditDialog)
        self.voornamenEdit.setObjectName(u"voornamenEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.voornamenEdit)

        self.tussenvoegselLabel = QLabel(DebtorEditDialog)
        self.tussenvoegselLabel.setObjectName(u"tussenvoegselLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tussenvoegselLabel)

        self.tussenvoegselEdit = QLineEdit(DebtorEditDialog)
        self.tussenvoegselEdit.setObjectName(u"tussenvoegselEdit")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tussenvoegselEdit)

        self.achternaamLabel = QLabel(DebtorEditDialog)
        self.achternaamLabel.setObjectName(u"achternaamLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.achternaamLabel)

        self.achternaamEdit = QLineEdit(DebtorEditDialog)
        self.achternaamEdit.setObjectName(u"achternaamEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.achternaamEdit)

        self.straatLabel = QLabel(DebtorEditDialog)
        self.straatLabel.setObjectName(u"straatLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.straatLabel)

        self.straatEdit = QLineEdit(DebtorEditDialog)
        self.straatEdit.setObjectName(u"straatEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.straatEdit)

        self.huisnummerLabel = QLabel(DebtorEditDialog)
        self.huisnummerLabel.setObjectName(u"huisnummerLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.huisnummerLabel)

        self.huisnummerRow = QHBoxLayout()
        self.huisnummerRow.setObjectName(u"huisnummerRow")
        self.huisnummerEdit = QLineEdit(DebtorEditDialog)
        self.huisnummerEdit.setObjectName(u"huisnummerEdit")
        self.huisnummerEdit.setMaxLength(6)

        self.huisnummerRow.addWidget(self.huisnummerEdit)

        self.toevoegingLabel = QLabel(DebtorEditDialog)
        self.toevoegingLabel.setObjectName(u"toevoegingLabel")

        self.huisnummerRow.addWidget(self.toevoegingLabel)

        self.huisnummer_toevoegingEdit = QLineEdit(DebtorEditDialog)
        self.huisnummer_toevoegingEdit.setObjectName(u"huisnummer_toevoegingEdit")
        self.huisnummer_toevoegingEdit.setMaxLength(10)

        self.huisnummerRow.addWidget(self.huisnummer_toevoegingEdit)


        self.formLayout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.huisnummerRow)

        self.postcodeLabel = QLabel(DebtorEditDialog)
        self.postcodeLabel.setObjectName(u"postcodeLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.postcodeLabel)

        self.postcodeEdit = QLineEdit(DebtorEditDialog)
        self.postcodeEdit.setObjectName(u"postcodeEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.postcodeEdit)

        self.woonplaatsLabel = QLabel(DebtorEditDialog)
        self.woonplaatsLabel.setObjectName(u"woonplaatsLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.woonplaatsLabel)

        self.woonplaatsEdit = QLineEdit(DebtorEditDialog)
        self.woonplaatsEdit.setObjectName(u"woonplaatsEdit")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.woonplaatsEdit)

        self.landLabel = QLabel(DebtorEditDialog)
        self.landLabel.setObjectName(u"landLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.landLabel)

        self.landEdit = QLineEdit(DebtorEditDialog)
        self.landEdit.setObjectName(u"landEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.landEdit)

        self.telefoonLabel = QLabel(DebtorEditDialog)
        self.telefoonLabel.setObjectName(u"telefoonLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.telefoonLabel)

        self.telefoonEdit = QLineEdit(DebtorEditDialog)
        self.telefoonEdit.setObjectName(u"telefoonEdit")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.telefoonEdit)

        self.emailLabel = QLabel(DebtorEditDialog)
        self.emailLabel.setObjectName(u"emailLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(DebtorEditDialog)
        self.emailEdit.setObjectName(u"emailEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.fraude_markeringCheck = QCheckBox(DebtorEditDialog)
        self.fraude_markeringCheck.setObjectName(u"fraude_markeringCheck")

        self.formLayout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.fraude_markeringCheck)


        self.mainLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(DebtorEditDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setVisible(False)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(DebtorEditDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.voornamenLabel.setBuddy(self.voornamenEdit)
        self.tussenvoegselLabel.setBuddy(self.tussenvoegselEdit)
        self.achternaamLabel.setBuddy(self.achternaamEdit)
        self.straatLabel.setBuddy(self.straatEdit)
        self.huisnummerLabel.setBuddy(self.huisnummerEdit)
        self.toevoegingLabel.setBuddy(self.huisnummer_toevoegingEdit)
        self.postcodeLabel.setBuddy(self.postcodeEdit)
        self.woonplaatsLabel.setBuddy(self.woonplaatsEdit)
        self.landLabel.setBuddy(self.landEdit)
        self.telefoonLabel.setBuddy(self.telefoonEdit)
        self.emailLabel.setBuddy(self.emailEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DebtorEditDialog)

        QMetaObject.connectSlotsByName(DebtorEditDialog)
    # setupUi

    def retranslateUi(self, DebtorEditDialog):
        DebtorEditDialog.setWindowTitle(QCoreApplication.translate("DebtorEditDialog", u"Edit contact details", None))
        self.introLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"Change the contact and address details. Empty fields are saved as empty.", None))
        self.voornamenLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&First names:", None))
        self.tussenvoegselLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&Prefix (tussenvoegsel):", None))
        self.achternaamLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&Surname:", None))
        self.straatLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"St&reet:", None))
        self.huisnummerLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&House number:", None))
        self.toevoegingLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&Addition:", None))
        self.postcodeLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"P&ostcode:", None))
        self.woonplaatsLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&Town:", None))
        self.landLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&Country code:", None))
        self.telefoonLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"&Telephone:", None))
        self.emailLabel.setText(QCoreApplication.translate("DebtorEditDialog", u"E-&mail:", None))
        self.fraude_markeringCheck.setText(QCoreApplication.translate("DebtorEditDialog", u"F&raud flag", None))
    # retranslateUi

