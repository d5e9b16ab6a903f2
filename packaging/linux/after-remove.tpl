#!/bin/bash
# The deb's after-remove script (electron-builder.yml deb.afterRemove); same macros as after-install.tpl.
# electron-builder's own steps (templates/linux/after-remove.tpl) first, unchanged.


# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# Toàn Cảnh's systemd units: gone with the package (not on an upgrade, which installs them again).
case "$1" in
  remove|purge|0)
    if [ -d /run/systemd/system ]; then
      systemctl disable --now toan-canh-web.service toan-canh-hub.service 2>/dev/null || true
    fi
    systemctl --global disable toan-canh.service 2>/dev/null || true
    rm -f /usr/lib/systemd/system/toan-canh-web.service /usr/lib/systemd/system/toan-canh-hub.service /usr/lib/systemd/user/toan-canh.service
    if [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
    ;;
esac
