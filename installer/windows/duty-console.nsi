; Windows installer of the duty console (NSIS 3). Build on Windows after PyInstaller:
;   makensis /DVERSION=0.1.0 /DDIST=..\..\dist\duty-console installer\windows\duty-console.nsi
; Silent install for administrators (all options optional; with a division a node config
; is written by `duty-console make-config`, which refuses a config that fails self-test):
;   duty-console-setup.exe /S /DIVISION=130283 /BACKEND_HOST=10.13.1.20 /PASSWORD_FILE=C:\secure\pw.txt
Unicode true
!include "FileFunc.nsh"
!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef DIST
  !define DIST "..\..\dist\duty-console"
!endif

Name "值班台 Duty Console ${VERSION}"
OutFile "duty-console-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\DutyConsole"
RequestExecutionLevel admin
SetCompressor /SOLID lzma

Var Division
Var BackendHost
Var PasswordFile

Section "Duty Console"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  CreateDirectory "$SMPROGRAMS\DutyConsole"
  CreateShortcut "$SMPROGRAMS\DutyConsole\值班台.lnk" "$INSTDIR\duty-console.exe"
  CreateShortcut "$DESKTOP\值班台.lnk" "$INSTDIR\duty-console.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\DutyConsole" "DisplayName" "Duty Console"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\DutyConsole" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\DutyConsole" "UninstallString" '"$INSTDIR\uninstall.exe" /S'

  ${GetParameters} $R0
  ${GetOptions} $R0 "/DIVISION=" $Division
  ${GetOptions} $R0 "/BACKEND_HOST=" $BackendHost
  ${GetOptions} $R0 "/PASSWORD_FILE=" $PasswordFile
  StrCmp $Division "" done
    StrCpy $R1 '"$INSTDIR\duty-console.exe" make-config --division $Division --out "$APPDATA\..\Local\duty-console\node.toml"'
    StrCmp $BackendHost "" +2
      StrCpy $R1 '$R1 --backend-host $BackendHost'
    StrCmp $PasswordFile "" +2
      StrCpy $R1 '$R1 --password-file "$PasswordFile"'
    ExecWait $R1 $R2
    StrCmp $R2 "0" done
      DetailPrint "make-config failed (exit $R2): the node config was not written"
      SetErrorLevel 2
  done:
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\DutyConsole\值班台.lnk"
  Delete "$DESKTOP\值班台.lnk"
  RMDir "$SMPROGRAMS\DutyConsole"
  RMDir /r "$INSTDIR"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\DutyConsole"
SectionEnd
