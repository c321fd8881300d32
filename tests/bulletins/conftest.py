"""Bulletins test world: an operator of Lingang writes; readers in both zones, with and without organisations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from zonebridge.bulletins.models import Bulletin
from zonebridge.bulletins.services import publish, save_bulletin


@pytest.fixture
def write(operator_lingang, lingang):
    """Write (and by default publish) a Lingang bulletin: `write(title, topic=..., **audience)`."""
    def _write(title_zh_hans, *, topic="news", publish_now=True, publish_at=None, expires_at=None, pinned=False,
               title_en=None, zones=None, sectors=None, roles=None, kinds=None, by=None):
        bulletin = save_bulletin(
            Bulletin(zone=lingang), acting_user=by or operator_lingang,
            texts={"title_en": title_en or f"EN {title_zh_hans}", "title_zh_hans": title_zh_hans,
                   "summary_zh_hans": "摘要", "body_zh_hans": f"{title_zh_hans}的正文。"},
            fields={"topic": topic, "pinned": pinned, "publish_at": publish_at, "expires_at": expires_at,
                    "chinese_source": "zh_hans"},
            target_zones=zones or [], target_sectors=sectors or [], target_roles=roles or [], target_kinds=kinds or [])
        if publish_now:
            bulletin = publish(bulletin, acting_user=by or operator_lingang, publish_at=publish_at)
        return bulletin
    return _write


@pytest.fixture
def soon():
    return timezone.now() + timedelta(hours=2)
