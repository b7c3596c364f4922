; Sổ Tiếp Dân: the Windows installer, compiled on Linux with Debian's makensis by
; scripts/package.sh. Per-user (no administrator rights), Vietnamese text, Start-menu and
; desktop shortcuts, a WebView2 runtime check, and an uninstaller that keeps the register
; and its backups unless asked. Nothing is downloaded, at build time or at install time.
;
; Defines given by scripts/package.sh (makensis -D...):
;   VERSION    the workspace version (Cargo.toml, tauri.conf.json), e.g. 0.1.0
;   PUBLISHER  tauri.conf.json bundle.publisher
;   IDENTIFIER tauri.conf.json identifier: the app's data folder is %APPDATA%\IDENTIFIER
;   APP_EXE    the built tiepdan-desktop.exe
;   LOADER_DLL WebView2Loader.dll beside it
;   CLI_EXE    the built tiepdan.exe (command line)
;   ICON       the app icon (.ico)
;   OUTFILE    the installer to write

; The app is 64-bit only, and so is the installer (wine64 runs it in the tests, too).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define PRODUCT "Sổ Tiếp Dân"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
; The WebView2 runtime's id in EdgeUpdate (the same for every channel of the runtime).
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\So Tiep Dan"
InstallDirRegKey HKCU "Software\${IDENTIFIER}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "FileDescription" "Bộ cài đặt ${PRODUCT}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\tiepdan-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở ${PRODUCT} ngay"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"

; The WebView2 runtime draws the app's window. Windows 11 and an updated Windows 10 have
; it; it is looked for where its own installer records it (per machine or per user).
Function HasWebView2
  Push $0
  ClearErrors
  ; A 64-bit installer sees the 64-bit registry: EdgeUpdate writes to its 32-bit view.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  Exch $0
FunctionEnd

Function .onInit
  Call HasWebView2
  Pop $0
  ${If} $0 == ""
    MessageBox MB_YESNO|MB_ICONEXCLAMATION "Máy này chưa có Microsoft Edge WebView2 Runtime, phần mà ${PRODUCT} cần để hiển thị cửa sổ.$\r$\n$\r$\nCách cài: trên một máy có mạng, mở trang của Microsoft$\r$\n    https://developer.microsoft.com/microsoft-edge/webview2/$\r$\ntải bản $\"Evergreen Standalone Installer$\" (x64), chép sang máy này và chạy; hoặc cập nhật Windows (Windows Update) rồi cài lại ${PRODUCT}.$\r$\n$\r$\nVẫn tiếp tục cài đặt? (Phần mềm chỉ mở được sau khi đã có WebView2 Runtime.)" /SD IDYES IDYES continue
    Abort
    continue:
  ${EndIf}
FunctionEnd

; A running program holds its .exe: Windows neither replaces nor deletes it, and an update
; or an uninstall would go on with the old program left behind. Checked before anything
; changes: the person is asked to close it (Thử lại / Hủy); a silent run stops with exit
; code 2 and changes nothing. $R0: the file.
!macro ENSURE_CLOSED UN
Function ${UN}EnsureClosed
  retry:
    IfFileExists "$R0" 0 free
    ClearErrors
    FileOpen $0 "$R0" a
    IfErrors busy
    FileClose $0
    Goto free
  busy:
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${PRODUCT} đang mở (hoặc tệp $R0 đang được dùng).$\r$\n$\r$\nHãy lưu những gì đang nhập dở, đóng ${PRODUCT} rồi bấm Thử lại (Retry). Bấm Hủy (Cancel) thì không thay đổi gì." /SD IDCANCEL IDRETRY retry
    SetErrorLevel 2
    Quit
  free:
FunctionEnd
!macroend
!insertmacro ENSURE_CLOSED ""
!insertmacro ENSURE_CLOSED "un."

Section "${PRODUCT}" SecMain
  SectionIn RO
  StrCpy $R0 "$INSTDIR\tiepdan-desktop.exe"
  Call EnsureClosed
  StrCpy $R0 "$INSTDIR\tiepdan.exe"
  Call EnsureClosed
  SetOutPath "$INSTDIR"
  File "/oname=tiepdan-desktop.exe" "${APP_EXE}"
  File "/oname=WebView2Loader.dll" "${LOADER_DLL}"
  File "/oname=tiepdan.exe" "${CLI_EXE}"
  File "/oname=tiepdan.ico" "${ICON}"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\tiepdan-desktop.exe" "" "$INSTDIR\tiepdan.ico"
  CreateShortcut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\tiepdan-desktop.exe" "" "$INSTDIR\tiepdan.ico"

  WriteUninstaller "$INSTDIR\go-cai-dat.exe"
  WriteRegStr HKCU "Software\${IDENTIFIER}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\tiepdan.ico"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\go-cai-dat.exe$\""
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\go-cai-dat.exe$\" /S"
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
SectionEnd

; Removes the program, its shortcuts and its registry entries. The register
; (%APPDATA%\IDENTIFIER\tiepdan.sqlite3) and its backups (the sao-luu folder beside it)
; stay unless the user says, in a question whose default is No, to delete them; a silent
; uninstall (/S) always keeps them. A backup folder chosen elsewhere in Cài đặt is never
; touched.
Section "Uninstall"
  StrCpy $R0 "$INSTDIR\tiepdan-desktop.exe"
  Call un.EnsureClosed
  StrCpy $R0 "$INSTDIR\tiepdan.exe"
  Call un.EnsureClosed
  Delete "$INSTDIR\tiepdan-desktop.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\tiepdan.exe"
  Delete "$INSTDIR\tiepdan.ico"
  Delete "$INSTDIR\go-cai-dat.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${IDENTIFIER}"

  IfFileExists "$APPDATA\${IDENTIFIER}\*.*" 0 done
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "Đã gỡ phần mềm. Sổ tiếp dân và các bản sao lưu vẫn được giữ lại tại:$\r$\n    $APPDATA\${IDENTIFIER}$\r$\n(cài lại ${PRODUCT} sẽ mở lại đúng sổ này).$\r$\n$\r$\nXÓA LUÔN sổ và các bản sao lưu trong thư mục này? Không thể hoàn tác." /SD IDNO IDYES wipe
    Goto done
  wipe:
    RMDir /r "$APPDATA\${IDENTIFIER}"
  done:
SectionEnd
