; Included by electron-builder's NSIS installer (electron-builder.yml nsis.include).
; A wall PC starts Toàn Cảnh when its user logs on: a Run value for every user of this PC, since the
; installer is per machine. Restarts after a fault are the app's own (it relaunches itself, see
; electron/shell-policy/restart-policy.ts). The uninstaller removes the value.
!macro customInstall
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "ToanCanh" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" --kiosk'
!macroend

!macro customUnInstall
  DeleteRegValue HKLM "Software\Microsoft\Windows\CurrentVersion\Run" "ToanCanh"
!macroend
