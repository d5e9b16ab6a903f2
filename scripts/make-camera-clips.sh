#!/usr/bin/env bash
# Regenerate the simulated camera clips in assets/media/cameras/<id>/ (committed; no ffmpeg at run time).
# Each clip: a moving test pattern labelled with the camera's name and a frame counter, 640×360 25 fps,
# H.264 yuv420p, keyframe every 2 s, cut into 2 s HLS segments with a VOD playlist. hub/cameras loops them
# into live playlists.
#
# Needs ffmpeg with libx264 and libx265 (Debian: apt-get install ffmpeg) and a font with Vietnamese
# glyphs (Debian: apt-get install fonts-noto-core; fonts-dejavu-core also works). Override with FONT=…
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/assets/media/cameras"
# 8 s: 200 frames at 25 fps and exactly 375 AAC frames at 48 kHz, so a looped clip's audio lines up with
# its video at every loop. A 6 s clip's audio overran into the next loop, and the overlap cost fMP4 tiles
# frames at each loop (MSE drops video up to the next keyframe after audio goes back in time).
seconds="${SECONDS_PER_CLIP:-8}"

font="${FONT:-}"
for candidate in /usr/share/fonts/truetype/noto/NotoSans-Bold.ttf /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf; do
  [[ -z "$font" && -f "$candidate" ]] && font="$candidate"
done
if [[ -z "$font" ]]; then
  echo "No font with Vietnamese glyphs found: apt-get install fonts-noto-core (or set FONT=/path/to/font.ttf)" >&2
  exit 1
fi
command -v ffmpeg >/dev/null || { echo "ffmpeg is missing: apt-get install ffmpeg" >&2; exit 1; }
# Read the whole list first: grep -q closing the pipe early would fail the pipeline under pipefail.
encoders="$(ffmpeg -hide_banner -encoders 2>/dev/null)"
[[ "$encoders" == *libx265* ]] && have_x265=1 || have_x265=0

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# id | name shown on the picture | hue shift (degrees) | container (ts|fmp4) | audio (aac|none) | codec (h264|hevc)
cameras=(
  "cau-song-han|Cầu sông Hàn|0|ts|aac|h264"
  "cau-song-han-fmp4|Cầu sông Hàn (fMP4)|0|fmp4|aac|h264"
  "de-huu-ngan|Đê Hữu Ngạn|60|ts|none|h264"
  "nga-tu-le-duan|Ngã tư Lê Duẩn|120|ts|none|h264"
  "cang-ca-tho-quang|Cảng cá Thọ Quang|180|ts|none|h264"
  "ham-hai-van|Hầm Hải Vân|240|ts|none|h264"
  "ubnd-tinh|UBND tỉnh|300|ts|none|h264"
  "hevc-demo|Camera HEVC (H.265)|30|fmp4|none|hevc"
)

make_clip() {
  local id="$1" name="$2" hue="$3" container="$4" audio="$5" codec="$6"
  local dir="$out/$id"
  rm -rf "$dir" && mkdir -p "$dir"
  printf '%s' "$name" >"$work/$id.name"
  printf '%s' "MÔ PHỎNG · khung %{frame_num}" >"$work/$id.counter"

  local vf="hue=h=$hue,drawbox=x=0:y=0:w=iw:h=64:color=black@0.6:t=fill"
  vf+=",drawtext=fontfile=$font:textfile=$work/$id.name:x=16:y=14:fontsize=32:fontcolor=white"
  vf+=",drawtext=fontfile=$font:textfile=$work/$id.counter:expansion=normal:x=16:y=h-44:fontsize=24:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6"

  local inputs=(-f lavfi -i "testsrc2=size=640x360:rate=25")
  local audio_args=(-an)
  if [[ "$audio" == aac ]]; then
    inputs+=(-f lavfi -i "anullsrc=r=48000:cl=mono")
    audio_args=(-map 0:v -map 1:a -c:a aac -b:a 24k)
  fi

  local video_args=(-pix_fmt yuv420p -g 50 -keyint_min 50 -sc_threshold 0 -b:v 220k -maxrate 300k -bufsize 600k)
  if [[ "$codec" == hevc ]]; then
    if [[ "$have_x265" != 1 ]]; then
      echo "skipping $id: this ffmpeg has no libx265 (Debian's ffmpeg package has it)" >&2
      rmdir "$dir"
      return
    fi
    # hvc1 tag: the form MSE is asked about; the HEVC test expects the browser to refuse it.
    video_args=(-c:v libx265 -tag:v hvc1 -x265-params "log-level=error:keyint=50:min-keyint=50:scenecut=0" "${video_args[@]}")
  else
    video_args=(-c:v libx264 -profile:v main -preset medium "${video_args[@]}")
  fi

  local hls_args=(-f hls -hls_time 2 -hls_playlist_type vod)
  if [[ "$container" == fmp4 ]]; then
    hls_args+=(-hls_segment_type fmp4 -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$dir/seg%d.m4s")
  else
    hls_args+=(-hls_segment_filename "$dir/seg%d.ts")
  fi

  ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -t "$seconds" -vf "$vf" \
    "${video_args[@]}" "${audio_args[@]}" "${hls_args[@]}" "$dir/vod.m3u8"
  echo "$id: $(du -sh "$dir" | cut -f1)"
}

for entry in "${cameras[@]}"; do
  IFS='|' read -r id name hue container audio codec <<<"$entry"
  make_clip "$id" "$name" "$hue" "$container" "$audio" "$codec"
done

# The list the simulator and the demo read names from.
{
  echo "["
  sep=""
  for entry in "${cameras[@]}"; do
    IFS='|' read -r id name hue container audio codec <<<"$entry"
    [[ -d "$out/$id" ]] || continue
    printf '%s  {"id": "%s", "name": "%s", "container": "%s", "audio": "%s", "codec": "%s"}' "$sep" "$id" "$name" "$container" "$audio" "$codec"
    sep=$',\n'
  done
  printf '\n]\n'
} >"$out/cameras.json"
echo "total: $(du -sh "$out" | cut -f1)"
