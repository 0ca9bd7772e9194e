"""Run by the fault suite in a subprocess against its own PostgreSQL: a room with members, the
session open, and a real login session (cookie) per member. Prints JSON on stdout.

    DATABASE_URL=postgres://... python -m tests.faults.seed 8
"""

import json
import sys

import django


def main() -> None:
    django.setup()
    from tests.chat.live_servers import make_room, room_open_now, session_cookie

    room = make_room(members=int(sys.argv[1]))
    room_open_now(room.session)
    json.dump({"session_id": room.session.pk,
               "members": [{"user_id": m.pk, "name": m.display_name, "cookie": session_cookie(m)}
                           for m in room.members]}, sys.stdout)


if __name__ == "__main__":
    main()
